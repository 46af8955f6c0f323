package io.undersign.controlplane.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The privacy sweep, a recurring task of the control plane's durable scheduler (one run at a time
 * across replicas, picked up again after a crash): every active tenant's cases past their retention
 * are erased, and root keys whose deletion is due are deleted. A tenant that fails is logged and
 * retried on the next run; the others go on.
 */
@ApplicationScoped
public class PrivacySweep {
    private static final Logger LOG = Logger.getLogger(PrivacySweep.class);
    static final String TASK_NAME = "privacy-sweep";

    @Inject
    UndersignConfig config;

    @Inject
    TenantRepository tenants;

    @Inject
    TenantPrivacy privacy;

    @Inject
    RootKeyDeletions rootKeys;

    public RecurringTask<Void> task() {
        return Tasks.recurring(TASK_NAME, FixedDelay.of(config.privacy().sweepInterval())).execute((instance, context) -> run());
    }

    void run() {
        // a scheduler thread: the registry's reads need a request context of their own
        io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
        context.activate();
        try {
            sweep();
        } finally {
            context.terminate();
        }
    }

    private void sweep() {
        for (Tenant tenant : io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(tenants::activeAtRest)) {
            try {
                TenantPrivacy.RetentionEnforced done = privacy.enforceRetention(tenant.id);
                if (!done.erased().isEmpty()) {
                    LOG.infof("Retention: erased %d case(s) of tenant %s", done.erased().size(), tenant.id);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Retention of tenant %s not enforced this run: %s", tenant.id, e.getMessage());
            }
        }
        for (String tenant : rootKeys.deleteDue()) {
            LOG.infof("Root key of offboarded tenant %s deleted (its waiting period is over)", tenant);
        }
    }
}
