package io.undersign.controlplane.driver;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.aws.AwsClientTrust;
import io.undersign.controlplane.driver.aws.AwsDataExporter;
import io.undersign.controlplane.driver.aws.AwsDnsRegistrar;
import io.undersign.controlplane.driver.aws.AwsEndpointProbe;
import io.undersign.controlplane.driver.aws.AwsPublicApi;
import io.undersign.controlplane.driver.aws.AwsQueueMonitor;
import io.undersign.controlplane.driver.aws.AwsRuntimeDeployer;
import io.undersign.controlplane.driver.aws.AwsRuntimeUpgrader;
import io.undersign.controlplane.driver.aws.AwsStackProvisioner;
import io.undersign.controlplane.driver.local.LocalClientTrust;
import io.undersign.controlplane.driver.local.LocalDataExporter;
import io.undersign.controlplane.driver.local.LocalDnsRegistrar;
import io.undersign.controlplane.driver.local.LocalEdgeProbe;
import io.undersign.controlplane.driver.local.LocalPublicApi;
import io.undersign.controlplane.driver.local.LocalQueueMonitor;
import io.undersign.controlplane.driver.local.LocalRuntimeDeployer;
import io.undersign.controlplane.driver.local.LocalStackProvisioner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Which implementation serves each driver port: {@code undersign.driver=local} (the default) or
 * {@code aws}. The same build runs either way; only the chosen side is ever created.
 */
@ApplicationScoped
public class DriverSelection {

    @Inject
    UndersignConfig config;

    @Produces
    @ApplicationScoped
    StackProvisioner stackProvisioner(Instance<LocalStackProvisioner> local, Instance<AwsStackProvisioner> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    DnsRegistrar dnsRegistrar(Instance<LocalDnsRegistrar> local, Instance<AwsDnsRegistrar> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    RuntimeDeployer runtimeDeployer(Instance<LocalRuntimeDeployer> local, Instance<AwsRuntimeDeployer> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    TenantRootKeys tenantRootKeys(Instance<io.undersign.controlplane.driver.local.LocalRootKeys> local,
            Instance<io.undersign.controlplane.driver.aws.AwsRootKeys> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    DataExporter dataExporter(Instance<LocalDataExporter> local, Instance<AwsDataExporter> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    PublicEndpointProbe publicEndpointProbe(Instance<LocalEdgeProbe> local, Instance<AwsEndpointProbe> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    QueueMonitor queueMonitor(Instance<LocalQueueMonitor> local, Instance<AwsQueueMonitor> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    ClientTrust clientTrust(Instance<LocalClientTrust> local, Instance<AwsClientTrust> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    RuntimeUpgrader runtimeUpgrader(Instance<LocalRuntimeDeployer> local, Instance<AwsRuntimeUpgrader> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    PublicApi publicApi(Instance<LocalPublicApi> local, Instance<AwsPublicApi> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    io.undersign.controlplane.oncall.VoiceCalls voiceCalls(Instance<io.undersign.controlplane.driver.local.LocalVoiceCalls> local,
            Instance<io.undersign.controlplane.driver.aws.ConnectVoiceCalls> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    io.undersign.controlplane.oncall.SmsTopic smsTopic(Instance<io.undersign.controlplane.driver.local.LocalSmsTopic> local,
            Instance<io.undersign.controlplane.driver.aws.SnsSmsTopic> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    io.undersign.controlplane.oncall.SmsSpend smsSpend(Instance<io.undersign.controlplane.driver.local.LocalSmsSpend> local,
            Instance<io.undersign.controlplane.driver.aws.CloudWatchSmsSpend> aws) {
        return pick(local, aws);
    }

    @Produces
    @ApplicationScoped
    IdentityRealms identityRealms(Instance<io.undersign.controlplane.driver.local.KeycloakRealms> local,
            Instance<io.undersign.controlplane.driver.aws.AwsIdentityRealms> aws) {
        return pick(local, aws);
    }

    private <T> T pick(Instance<? extends T> local, Instance<? extends T> aws) {
        return aws() ? aws.get() : local.get();
    }

    private boolean aws() {
        return switch (config.driver()) {
            case "local" -> false;
            case "aws" -> true;
            default -> throw new IllegalStateException("undersign.driver must be local or aws, not " + config.driver());
        };
    }
}
