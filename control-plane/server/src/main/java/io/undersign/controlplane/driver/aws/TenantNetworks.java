package io.undersign.controlplane.driver.aws;

import io.agroal.api.AgroalDataSource;
import io.undersign.controlplane.config.UndersignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Hands each tenant its own /16 out of the configured supernet and records it in the registry:
 * the same tenant always gets the same range back, two tenants never share one (the table's
 * unique key settles a race between two control-plane workers).
 */
@ApplicationScoped
public class TenantNetworks {
    private static final int ATTEMPTS = 5;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    UndersignConfig config;

    public String allocate(String tenantId) throws SQLException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<String> existing = of(tenantId);
            if (existing.isPresent()) {
                return existing.get();
            }
            String free = firstFree(taken());
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("INSERT INTO tenant_network (tenant_id, vpc_cidr, created_at) VALUES (?, ?, ?)")) {
                s.setString(1, tenantId);
                s.setString(2, free);
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                s.executeUpdate();
                return free;
            } catch (SQLIntegrityConstraintViolationException raced) {
                // another worker took this range (or this tenant got one): look again
            }
        }
        throw new IllegalStateException("could not allocate a VPC range for " + tenantId + " after " + ATTEMPTS + " attempts");
    }

    public Optional<String> of(String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT vpc_cidr FROM tenant_network WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private Set<String> taken() throws SQLException {
        Set<String> taken = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT vpc_cidr FROM tenant_network");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                taken.add(r.getString(1));
            }
        }
        return taken;
    }

    /** The lowest /16 of the supernet not taken. */
    String firstFree(Set<String> taken) {
        String supernet = config.aws().tenantSupernet();
        String[] parts = supernet.split("[./]");
        int prefix = Integer.parseInt(parts[4]);
        if (prefix > 16) {
            throw new IllegalStateException("undersign.aws.tenant-supernet " + supernet + " is smaller than one /16");
        }
        long base = (Long.parseLong(parts[0]) << 24) | (Long.parseLong(parts[1]) << 16);
        int count = 1 << (16 - prefix);
        for (int i = 0; i < count; i++) {
            long net = base + ((long) i << 16);
            String cidr = (net >> 24) + "." + ((net >> 16) & 0xff) + ".0.0/16";
            if (!taken.contains(cidr)) {
                return cidr;
            }
        }
        throw new IllegalStateException("no free /16 left in " + supernet + " (" + count + " tenants)");
    }
}
