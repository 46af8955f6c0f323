package io.undersign.controlplane.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.broker.EmbeddedBroker;
import io.undersign.controlplane.driver.RuntimeDeployer;
import io.undersign.controlplane.driver.local.MysqlServer;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.Evidence;
import io.undersign.controlplane.support.MtlsClient;
import io.undersign.controlplane.support.TestDatabase;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.evidence.simulator.Behaviour;
import io.undersign.evidence.simulator.EvidenceSimulator;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crashes and outages around the evidence flow: the runtime killed while results are in flight
 * and unacknowledged, killed between committing a request and sending it, and a database that
 * cannot take results for a while. Every request must be answered and every result applied
 * exactly once.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class EvidenceRecoveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    EmbeddedBroker broker;

    @Inject
    RuntimeDeployer deployer;

    @Inject
    TenantRepository tenants;

    @Inject
    MysqlServer mysql;

    @Test
    void theRuntimeKilledWhileApplyingResultsAppliesEachExactlyOnceAfterRestart() throws Exception {
        String tenant = Evidence.onboarded("ev-kill");
        MtlsClient api = MtlsClient.of(tenant, tenant);
        try (EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.NORMAL, Duration.ofSeconds(2))) {
            List<String> ids = Evidence.createPending(api, "POL-K", 20);
            // the answers arrive together: kill the runtime as soon as the first one is applied,
            // with the rest delivered to it (prefetched or mid-transaction) and unacknowledged
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> Evidence.decisions(api, ids.get(0)) >= 2);
            killRuntime(tenant);
            await().atMost(PATIENCE).until(() -> provider.answered() >= 20);
            restartRuntime(tenant);
            Evidence.decidedExactly(api, ids, 2, Duration.ofSeconds(1));
        }
        assertThat(Api.tenant(tenant).getLong("evidenceQueues.results.depth")).isZero();
        assertThat(Api.tenant(tenant).getLong("evidenceQueues.deadLetters.depth")).isZero();
    }

    @Test
    void aRequestCommittedButNotSentBeforeACrashIsSentOnceAfterwards() throws Exception {
        String tenant = Evidence.onboarded("ev-outbox");
        MtlsClient api = MtlsClient.of(tenant, tenant);
        List<String> ids = new ArrayList<>();
        broker.stopBroker();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(Evidence.createPending(api, "POL-O" + i).get("id").asText()); // committed with its request; the broker is away
            }
            killRuntime(tenant);
        } finally {
            broker.startBroker();
        }
        try (EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.NORMAL, Duration.ofMillis(50))) {
            restartRuntime(tenant);
            Evidence.decidedExactly(api, ids, 2, Duration.ofSeconds(2));
            // a second copy of any request would have been answered by now
            await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> provider.answered() == 3);
        }
        for (String id : ids) {
            assertThat(Evidence.decisions(api, id)).isEqualTo(2);
        }
    }

    @Test
    void aResultThatFailsForAPassingCauseIsRedeliveredWithBackoffAndAppliedOnce() throws Exception {
        String tenant = Evidence.onboarded("ev-retry");
        MtlsClient api = MtlsClient.of(tenant, tenant);
        String id = Evidence.createPending(api, "POL-T1").get("id").asText();
        String table = "`" + TenantNames.database(tenant) + "`.evidence_result";
        try (Connection admin = mysql.admin(); Statement sql = admin.createStatement();
                EvidenceSimulator provider = Evidence.simulator(tenant, Behaviour.NORMAL, Duration.ofMillis(200))) {
            // the result cannot be stored for a while (as during a failed-over database)
            sql.execute("RENAME TABLE " + table + " TO " + table + "_away");
            try {
                await().atMost(PATIENCE).until(() -> provider.answered() == 1);
                Thread.sleep(2500); // delivered and rolled back a few times (0.5 s, 1 s, 2 s apart)
            } finally {
                sql.execute("RENAME TABLE " + table + "_away TO " + table);
            }
            Evidence.decidedExactly(api, List.of(id), 2, Duration.ofSeconds(1));
        }
        assertThat(Api.tenant(tenant).getLong("evidenceQueues.results.depth")).isZero();
        assertThat(Api.tenant(tenant).getLong("evidenceQueues.deadLetters.depth")).as("not dead-lettered: it was only late").isZero();
    }

    private void killRuntime(String tenant) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dundersign-tenant=" + tenant + " "))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    private void restartRuntime(String tenant) throws Exception {
        TenantSpec spec = QuarkusTransaction.requiringNew().call(() -> tenants.require(tenant).spec());
        deployer.deploy(spec);
    }




}
