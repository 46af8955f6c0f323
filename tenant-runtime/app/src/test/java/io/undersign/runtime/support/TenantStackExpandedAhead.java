package io.undersign.runtime.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

/** A {@link TenantStack} whose schema has gone one expand step further than this runtime knows (schema/next-expand.sql). */
public class TenantStackExpandedAhead extends TenantStack {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try (InputStream in = TenantStackExpandedAhead.class.getClassLoader().getResourceAsStream("schema/next-expand.sql");
                Connection c = DriverManager.getConnection(url(), "root", ""); Statement s = c.createStatement()) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot expand the test schema ahead of the runtime", e);
        }
        return config;
    }
}
