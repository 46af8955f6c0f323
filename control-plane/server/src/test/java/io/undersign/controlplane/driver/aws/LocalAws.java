package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** A local server standing in for AWS, and SDK client settings that point at it. */
final class LocalAws {

    private LocalAws() {
    }

    static WireMockServer start() {
        WireMockServer aws = new WireMockServer(options().dynamicPort());
        aws.start();
        return aws;
    }

    /** Real SDK clients, AWS's example credentials, a few attempts so throttling is retried. */
    static AwsClients.Settings settings(WireMockServer aws, int maxAttempts) {
        return new AwsClients.Settings(Region.EU_WEST_2, Optional.of(URI.create(aws.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                maxAttempts, Duration.ofSeconds(20));
    }
}
