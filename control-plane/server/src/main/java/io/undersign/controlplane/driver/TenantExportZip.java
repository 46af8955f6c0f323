package io.undersign.controlplane.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.privacy.CaseKey;
import io.undersign.privacy.KeyStore;
import io.undersign.privacy.SealedColumns;
import io.undersign.privacy.SealedValues;
import io.undersign.privacy.TenantKeyring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * A tenant's data as the insurer takes it away at offboarding: every table of its database as JSON
 * lines in one zip, read as the tenant's own user, sealed health values opened with each case's key
 * (erased cases' stay empty): the root key is deleted after the export, so this is the one copy
 * anyone can still read. Written to a temporary file and moved into place, so a crash never leaves
 * half an export. The same for both drivers (on AWS next to the RDS snapshot, which the root key's
 * deletion leaves unreadable).
 */
@ApplicationScoped
public class TenantExportZip {

    @Inject
    UndersignConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    TenantRootKeys rootKeys;

    public Map<String, String> write(TenantSpec tenant, StackProvisioner.TenantConnection connection) throws Exception {
        Path dir = config.dataDir().resolve("exports").resolve(tenant.id());
        Files.createDirectories(dir);
        Path target = dir.resolve("export.zip");
        Path partial = Files.createTempFile(dir, "export", ".partial");
        long rows = 0;
        int tables;
        try (Connection c = DriverManager.getConnection(connection.jdbcUrl(), connection.user(), connection.password());
                OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            SealedValues sealed = TenantKeyring.load(c, rootKeys.aead(tenant), new KeyStore(tenant.id(), TenantNames.keyDatabase(tenant.id())))
                    .map(ring -> new SealedValues(c, ring)).orElse(null);
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
                            if (sealed != null && value instanceof String text && CaseKey.isSealed(text)) {
                                value = sealed.open(table, column, r.getString(SealedColumns.caseColumn(table)), text);
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
