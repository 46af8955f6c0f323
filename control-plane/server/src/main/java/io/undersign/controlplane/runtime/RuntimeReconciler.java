package io.undersign.controlplane.runtime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.driver.RuntimeDeployer;
import io.undersign.controlplane.pki.TenantPki;
import io.undersign.controlplane.schema.TenantSchemaMigrator;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * After a control-plane restart, every ACTIVE tenant's schema is brought up to this build's
 * migrations, its certificates made if it has none, and its runtime adopted if it still runs and is healthy, or started again if not.
 * Tenants in the middle of an operation are left to it.
 */
@ApplicationScoped
public class RuntimeReconciler {
    private static final Logger LOG = Logger.getLogger(RuntimeReconciler.class);

    @Inject
    TenantRepository tenants;

    @Inject
    RuntimeDeployer deployer;

    @Inject
    TenantSchemaMigrator migrator;

    @Inject
    TenantPki pki;

    @Inject
    RuntimeSupervisor supervisor;

    @Inject
    io.undersign.controlplane.driver.StackProvisioner provisioner;

    @Inject
    io.undersign.controlplane.config.UndersignConfig config;

    void start(@Observes @Priority(300) StartupEvent event) {
        if ("aws".equals(config.driver())) {
            return; // on AWS the auto-scaling groups keep runtimes up; nothing to adopt here
        }
        Thread thread = new Thread(this::reconcile, "runtime-reconciler");
        thread.setDaemon(true);
        thread.start();
    }

    void reconcile() {
        List<TenantSpec> active = QuarkusTransaction.requiringNew().call(() -> tenants.activeAtRest().stream()
                .map(Tenant::spec).toList());
        for (TenantSpec tenant : active) {
            try {
                // idempotent: tenants onboarded by an older build get today's database users and rights
                provisioner.provision(tenant);
                var schema = migrator.migrate(tenant);
                // tenants onboarded by an older build get their CA and edge certificate now
                pki.clientCa(tenant.id());
                pki.serverCertificate(tenant.id(), List.of(tenant.interviewHost(), tenant.apiHost()));
                var outputs = deployer.deploy(tenant);
                LOG.infof("Tenant %s schema %s, runtime %s (pid %s)", tenant.id(), schema.get("schemaVersion"), outputs.get("runtime"),
                        outputs.get("pid"));
            } catch (Exception e) {
                LOG.errorf("Tenant %s runtime could not be restored: %s", tenant.id(), e.getMessage());
            }
        }
        // from now on every runtime is watched; one that could not be restored above is retried there
        supervisor.begin();
    }
}
