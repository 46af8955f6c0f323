package io.undersign.controlplane.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.undersign.controlplane.db.MysqlServerResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * What stands in for AWS in the AWS driver's tests: one local HTTP server for every SDK call
 * (stubbed per test with the API reference's responses), the Terraform stand-in executable, and
 * the real synth jar; with the platform's identifiers as configuration. The silo's "RDS endpoint"
 * is the real MySQL-compatible server the tests use (without TLS), so the tenant's database and
 * user are really made there.
 */
public class AwsStandIns implements QuarkusTestResourceLifecycleManager {
    private WireMockServer aws;

    @Override
    public Map<String, String> start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        Path terraform = terraformAnsweringWith(new MysqlServerResolver(Path.of("target/embedded-mariadb")).resolve()
                .replaceFirst("^jdbc:mysql://", ""));
        return Map.ofEntries(
                Map.entry("undersign.aws.endpoint", aws.baseUrl()),
                Map.entry("undersign.aws.hosted-zone-id", "Z0123456789ABCDEF"),
                Map.entry("undersign.aws.runtime-image-id", "ami-0abcdef1234567890"),
                Map.entry("undersign.aws.transit-gateway-id", "tgw-0123456789abcdef0"),
                Map.entry("undersign.aws.alarm-topic-arn", "arn:aws:sns:eu-west-2:111122223333:undersign-oncall"),
                Map.entry("undersign.aws.state-bucket", "undersign-terraform-state"),
                Map.entry("undersign.aws.state-lock-table", "undersign-terraform-locks"),
                Map.entry("undersign.aws.trust-store-bucket", "undersign-trust-stores-{region}"),
                Map.entry("undersign.aws.release-bucket", "undersign-releases-{region}"),
                Map.entry("undersign.aws.provisioner-role-arn", "arn:aws:iam::111122223333:role/undersign-provisioner"),
                Map.entry("undersign.aws.terraform", terraform.toString()),
                Map.entry("undersign.aws.db-ssl-mode", "DISABLED"),
                Map.entry("undersign.aws.infra-jar", Path.of("../../infra/target/undersign-infra.jar").toAbsolutePath().normalize().toString()),
                Map.entry("undersign.aws.dns-poll-interval", "50ms"),
                Map.entry("undersign.aws.max-attempts", "3"));
    }

    /** The stand-in, told which server its stack's database endpoint is. */
    private static Path terraformAnsweringWith(String dbEndpoint) {
        Path standIn = Path.of("src/test/resources/terraform-standin/terraform").toAbsolutePath();
        Path wrapper = Path.of("target/terraform-standin-" + dbEndpoint.replaceAll("[^0-9A-Za-z]", "-")).toAbsolutePath();
        try {
            Files.writeString(wrapper, "#!/bin/sh\nUNDERSIGN_STANDIN_DB_ENDPOINT='" + dbEndpoint + "' exec '" + standIn + "' \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wrapper;
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
