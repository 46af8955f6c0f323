package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The AWS SDK clients, built once on first use: region and endpoint from configuration,
 * credentials from the default provider chain (environment, profile, instance role), the
 * standard retry strategy (backoff with jitter on throttling and 5xx) with a bounded number of
 * attempts and a timeout over all of them.
 */
@ApplicationScoped
public class AwsClients {

    /** How clients are built: what configuration says, or what a test sets. */
    public record Settings(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials, int maxAttempts,
            Duration apiCallTimeout) {
    }

    @Inject
    UndersignConfig config;

    private Route53Client route53;
    private final java.util.Map<String, SecretsManagerClient> secretsManagers = new java.util.HashMap<>();

    public synchronized Route53Client route53() {
        if (route53 == null) {
            route53 = route53(settings());
        }
        return route53;
    }

    private software.amazon.awssdk.services.sns.SnsClient sns;
    private software.amazon.awssdk.services.connect.ConnectClient connect;

    /** SNS in the control plane's own region (the on-call topic's). */
    public synchronized software.amazon.awssdk.services.sns.SnsClient sns() {
        if (sns == null) {
            sns = sns(settings(), Region.of(config.aws().region()));
        }
        return sns;
    }

    public synchronized software.amazon.awssdk.services.connect.ConnectClient connect() {
        if (connect == null) {
            connect = connect(settings(), Region.of(config.aws().region()));
        }
        return connect;
    }

    public static software.amazon.awssdk.services.sns.SnsClient sns(Settings settings, Region region) {
        return configure(software.amazon.awssdk.services.sns.SnsClient.builder(), settings, region).build();
    }

    public static software.amazon.awssdk.services.connect.ConnectClient connect(Settings settings, Region region) {
        return configure(software.amazon.awssdk.services.connect.ConnectClient.builder(), settings, region).build();
    }

    private final java.util.Map<String, CloudWatchClient> cloudWatches = new java.util.HashMap<>();

    public synchronized CloudWatchClient cloudWatch(String region) {
        return cloudWatches.computeIfAbsent(region, r -> cloudWatch(settings(), Region.of(r)));
    }

    public static CloudWatchClient cloudWatch(Settings settings, Region region) {
        return configure(CloudWatchClient.builder(), settings, region).build();
    }

    /** Secrets live in the silo's own region, next to the broker and database that use them. */
    public synchronized SecretsManagerClient secretsManager(String region) {
        return secretsManagers.computeIfAbsent(region, r -> secretsManager(settings(), Region.of(r)));
    }

    public static SecretsManagerClient secretsManager(Settings settings, Region region) {
        return configure(SecretsManagerClient.builder(), settings, region).build();
    }

    public synchronized software.amazon.awssdk.services.kms.KmsClient kms(String region) {
        return kms.computeIfAbsent(region, r -> configure(software.amazon.awssdk.services.kms.KmsClient.builder(), settings(), Region.of(r)).build());
    }

    private final java.util.Map<String, software.amazon.awssdk.services.kms.KmsClient> kms = new java.util.HashMap<>();

    /** SSM, EC2 and Auto Scaling of one region (a silo's). */
    public record Regional(SsmClient ssm, Ec2Client ec2, AutoScalingClient autoScaling, RdsClient rds,
            ElasticLoadBalancingV2Client loadBalancing) {
    }

    private final java.util.Map<String, Regional> regional = new java.util.HashMap<>();

    public synchronized Regional regional(String region) {
        return regional.computeIfAbsent(region, r -> regional(settings(), Region.of(r)));
    }

    public static Regional regional(Settings settings, Region region) {
        return new Regional(configure(SsmClient.builder(), settings, region).build(), configure(Ec2Client.builder(), settings, region).build(),
                configure(AutoScalingClient.builder(), settings, region).build(), configure(RdsClient.builder(), settings, region).build(),
                configure(ElasticLoadBalancingV2Client.builder(), settings, region).build());
    }

    private final java.util.Map<String, S3Client> s3s = new java.util.HashMap<>();

    /** S3 of the silo's region: its load balancer's trust store reads a bucket there. */
    public synchronized S3Client s3(String region) {
        return s3s.computeIfAbsent(region, r -> s3(settings(), Region.of(r)));
    }

    /** Path-style addressing when the endpoint is overridden (a stand-in has no bucket subdomains). */
    public static S3Client s3(Settings settings, Region region) {
        return configure(S3Client.builder(), settings, region).forcePathStyle(settings.endpoint().isPresent()).build();
    }

    /** Route 53 is global: its calls go to us-east-1 (and are signed for it) whatever the silo's region. */
    public static Route53Client route53(Settings settings) {
        return configure(Route53Client.builder(), settings, Region.US_EAST_1).build();
    }

    static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, Settings settings, Region region) {
        builder.region(region).credentialsProvider(settings.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private Settings settings() {
        UndersignConfig.Aws aws = config.aws();
        return new Settings(Region.of(aws.region()), aws.endpoint(), DefaultCredentialsProvider.builder().build(), aws.maxAttempts(),
                aws.apiCallTimeout());
    }

    @PreDestroy
    synchronized void close() {
        if (route53 != null) {
            route53.close();
        }
        secretsManagers.values().forEach(SecretsManagerClient::close);
        cloudWatches.values().forEach(CloudWatchClient::close);
        s3s.values().forEach(S3Client::close);
        regional.values().forEach(r -> {
            r.ssm().close();
            r.ec2().close();
            r.autoScaling().close();
            r.rds().close();
            r.loadBalancing().close();
        });
    }
}
