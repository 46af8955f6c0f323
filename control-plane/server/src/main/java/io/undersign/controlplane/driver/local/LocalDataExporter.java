package io.undersign.controlplane.driver.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.DataExporter;
import io.undersign.controlplane.driver.StackProvisioner;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports every table of the tenant's database as JSON lines into one zip, read as the tenant's own
 * user. Written to a temporary file and moved into place, so a crash never leaves half an export.
 */
@ApplicationScoped
@Typed(LocalDataExporter.class)
public class LocalDataExporter implements DataExporter {

    @Inject
    StackProvisioner provisioner;

    @Inject
    MysqlServer mysql;

    @Inject
    UndersignConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    io.undersign.controlplane.driver.TenantRootKeys rootKeys;

    @Override
    public Map<String, String> export(TenantSpec tenant) throws Exception {
        if (!databaseExists(tenant)) {
            // offboarding a tenant whose onboarding failed before its database was made: nothing to keep
            return Map.of("file", "none", "tables", "0", "rows", "0", "reason", "the tenant has no database");
        }
        StackProvisioner.TenantConnection connection = provisioner.connection(tenant);
        Path dir = config.dataDir().resolve("exports").resolve(tenant.id());
        Files.createDirectories(dir);
        Path target = dir.resolve("export.zip");
        Path partial = Files.createTempFile(dir, "export", ".partial");
        long rows = 0;
        int tables;
        try (Connection c = mysql.as(null, connection.user(), connection.password());
                OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            c.setCatalog(io.undersign.controlplane.tenant.TenantNames.database(tenant.id()));
            // the export is the insurer's readable copy: sealed health data is opened with each case's key
            // (erased cases' values stay empty), as the root key is deleted after the export
            io.undersign.privacy.SealedValues sealed = io.undersign.privacy.TenantKeyring.load(c, rootKeys.aead(tenant),
                    new io.undersign.privacy.KeyStore(tenant.id(), io.undersign.controlplane.tenant.TenantNames.keyDatabase(tenant.id())))
                    .map(ring -> new io.undersign.privacy.SealedValues(c, ring)).orElse(null);
            List<String> names = tables(c);
            tables = names.size();
            for (String table : names) {
                zip.putNextEntry(new ZipEntry(table + ".jsonl"));
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM `" + table + "`")) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = r.getObject(i);
                            String column = meta.getColumnLabel(i);
                            if (sealed != null && value instanceof String text && io.undersign.privacy.CaseKey.isSealed(text)) {
                                value = sealed.open(table, column, r.getString(io.undersign.privacy.SealedColumns.caseColumn(table)), text);
                            }
                            row.put(column, value == null || value instanceof Number || value instanceof Boolean ? value : value.toString());
                        }
                        zip.write(json.writeValueAsString(row).getBytes(StandardCharsets.UTF_8));
                        zip.write('\n');
                        rows++;
                    }
                }
                zip.closeEntry();
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Map.of("file", target.toString(), "tables", String.valueOf(tables), "rows", String.valueOf(rows));
    }

    private boolean databaseExists(TenantSpec tenant) throws Exception {
        try (Connection c = mysql.admin();
                var s = c.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            s.setString(1, io.undersign.controlplane.tenant.TenantNames.database(tenant.id()));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                names.add(r.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
