package io.undersign.controlplane.operation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Lets a long-running step say what it is doing (shown with the step in the API and the CLI's
 * live view): written to the tenant's running step, outside the step's own work.
 */
@ApplicationScoped
public class StepProgress {
    private static final Logger LOG = Logger.getLogger(StepProgress.class);
    private static final int MAX = 500;

    @Inject
    AgroalDataSource dataSource;

    public void report(String tenantId, String message) {
        String text = message.length() > MAX ? message.substring(0, MAX - 1) + "…" : message;
        LOG.infof("[%s] %s", tenantId, text);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE operation_step s JOIN operation o ON o.id = s.operation_id
                SET s.progress = ? WHERE o.tenant_id = ? AND s.status = 'RUNNING'""")) {
            s.setString(1, text);
            s.setString(2, tenantId);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("progress of %s not recorded: %s", tenantId, e.getMessage());
        }
    }
}
