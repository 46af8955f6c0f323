package io.undersign.controlplane.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * What stands in for AWS in the AWS driver's tests: one local HTTP server for every SDK call
 * (stubbed per test with the API reference's responses), the Terraform stand-in executable, and
 * the real synth jar; with the platform's identifiers as configuration.
 */
public class AwsStandIns implements QuarkusTestResourceLifecycleManager {
    private WireMockServer aws;

    @Override
    public Map<String, String> start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        return Map.ofEntries(
                Map.entry("undersign.aws.endpoint", aws.baseUrl()),
                Map.entry("undersign.aws.hosted-zone-id", "Z0123456789ABCDEF"),
                Map.entry("undersign.aws.runtime-image-id", "ami-0abcdef1234567890"),
                Map.entry("undersign.aws.transit-gateway-id", "tgw-0123456789abcdef0"),
                Map.entry("undersign.aws.alarm-topic-arn", "arn:aws:sns:eu-west-2:111122223333:undersign-oncall"),
                Map.entry("undersign.aws.state-bucket", "undersign-terraform-state"),
                Map.entry("undersign.aws.state-lock-table", "undersign-terraform-locks"),
                Map.entry("undersign.aws.trust-store-bucket", "undersign-trust-stores-{region}"),
                Map.entry("undersign.aws.terraform", Path.of("src/test/resources/terraform-standin/terraform").toAbsolutePath().toString()),
                Map.entry("undersign.aws.infra-jar", Path.of("../../infra/target/undersign-infra.jar").toAbsolutePath().normalize().toString()),
                Map.entry("undersign.aws.dns-poll-interval", "50ms"),
                Map.entry("undersign.aws.max-attempts", "3"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(aws, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.stop();
        }
    }
}
