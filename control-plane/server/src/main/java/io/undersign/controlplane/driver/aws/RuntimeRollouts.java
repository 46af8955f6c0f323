package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;

/** A {@link RuntimeRollout} of a silo's region, as configuration says. */
final class RuntimeRollouts {

    private RuntimeRollouts() {
    }

    static RuntimeRollout of(AwsClients clients, UndersignConfig config, String region) {
        UndersignConfig.Aws aws = config.aws();
        return new RuntimeRollout(clients.regional(region), aws.rolloutPollInterval(), aws.rolloutTimeout(),
                new RuntimeRollout.RefreshPreferences(aws.refreshCheckpoints(), aws.refreshCheckpointDelay(), aws.instanceWarmup()));
    }
}
