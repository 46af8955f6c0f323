package io.undersign.controlplane.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the control plane, under the {@code undersign.} prefix. */
@ConfigMapping(prefix = "undersign")
public interface UndersignConfig {

    /** Which driver set provisions tenants: {@code local} (this machine) or {@code aws}. */
    @WithDefault("local")
    String driver();

    /** Where the control plane keeps broker data, runtime logs and offboarding exports. */
    Path dataDir();

    /**
     * Where the control plane keeps releases' runtime builds ({@code artifacts/<sha256>.jar}) and
     * takes new ones from ({@code import/<sha256>.jar}, put there by the CLI on this machine).
     */
    Path releasesDir();

    /** Body limits read by io.undersign.http.BodySizeLimit (declared here so that the mapping knows them). */
    Http http();

    interface Http {
        /** Every body but those under {@link #largeBodyPaths()}, which may reach quarkus.http.limits.max-body-size. */
        java.util.Optional<String> maxBodySize();

        java.util.Optional<java.util.List<String>> largeBodyPaths();
    }

    /** DNS zone under which tenant host names are made: {@code <app>.<tenant>.<zone>}. */
    @WithDefault("localhost")
    String zone();

    /** The application label in tenant host names. */
    @WithDefault("uw")
    String appName();

    /** Regions a tenant may be placed in. */
    @WithDefault("local,eu-west-1,eu-central-1,us-east-1,us-west-2")
    List<String> regions();

    /** TLS policy a tenant gets unless it asks for another. */
    @WithDefault("ELBSecurityPolicy-TLS13-1-2-Res-2021-06")
    String defaultTlsPolicy();

    /** An admin token to make sure exists at start (the local platform writes it to ~/.undersign/config). */
    Optional<String> bootstrapAdminToken();

    Mysql mysql();

    Operations operations();

    Secrets secrets();

    Broker broker();

    Edge edge();

    Runtime runtime();

    Local local();

    Aws aws();

    /** Where tenants' underwriters sign in to the workbench. */
    Identity identity();

    interface Identity {
        /**
         * The local identity provider's base URL (Keycloak, started by ops/bin/keycloak), where the
         * register-identity step makes one realm per tenant. Unset: tenants get no realm, and their
         * workbench says that sign-in is not set up (closed, never open).
         */
        Optional<java.net.URI> keycloakUrl();

        @WithDefault("admin")
        String keycloakAdminUser();

        /** The bootstrap admin's password (ops/bin/keycloak writes it to $UNDERSIGN_HOME/keycloak-admin-password). */
        Optional<String> keycloakAdminPassword();
    }

    /** Paging the platform's own operators. */
    Oncall oncall();

    /** Health-data privacy: keys, retention, erasure. */
    Privacy privacy();

    interface Privacy {
        /**
         * How long an offboarded tenant's root key waits before it is deleted (after the export): KMS's
         * own waiting period on AWS (7 to 30 days), the same rule locally; an operator may cancel meanwhile.
         */
        @WithDefault("P30D")
        Duration rootKeyDeletionWindow();

        /** How often the privacy sweep runs: due root keys deleted, cases past their retention erased. */
        @WithDefault("PT1H")
        Duration sweepInterval();
    }

    interface Oncall {
        /** How long a P1 call may go unacknowledged before the next line is called. */
        @WithDefault("30s")
        Duration ackTimeout();

        /** How often paging looks for escalations due (their real delay is at most this late). */
        @WithDefault("200ms")
        Duration tick();

        /** The month's SMS budget in US dollars; a warning incident from {@code budget-warn-at} of it. */
        @WithDefault("50.00")
        java.math.BigDecimal smsMonthlyBudgetUsd();

        @WithDefault("0.80")
        java.math.BigDecimal budgetWarnAt();

        /** What the local driver counts per text sent, to try the budget locally. */
        @WithDefault("0.05")
        java.math.BigDecimal localSmsPriceUsd();

        /** How far ahead the rota is checked for uncovered shifts. */
        @WithDefault("7d")
        Duration coverageHorizon();
    }

    interface Mysql {
        /** JDBC URL of the MySQL-compatible server, without a database (UNDERSIGN_MYSQL_URL). */
        String server();

        /** The control plane's own database on it. */
        @WithDefault("undersign")
        String database();
    }

    /** A release's gate for each tenant an upgrade moves (ADR 0009). */
    Gate gate();

    interface Gate {
        /** Healthy answers through the tenant's public host, each taken after the switch, that it needs in a row. */
        @WithDefault("3")
        int probes();

        /** Time between those probes. */
        @WithDefault("1s")
        Duration probeInterval();

        /** How many of the release's rulebook profiles are decided through the public api. host. */
        @WithDefault("3")
        int profiles();

        /** How often rollouts are advanced: a rollout past its failure budget halts within one tick. */
        @WithDefault("1s")
        Duration tick();
    }

    interface Operations {
        /** Attempts a step gets before its operation is marked FAILED. */
        @WithDefault("3")
        int maxAttempts();

        /** First retry delay; doubles on each further attempt. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** How often a running worker proves it is alive; four missed beats and another worker takes over. */
        @WithDefault("2s")
        Duration heartbeat();

        /** How often idle workers look for due work (new work also wakes them at once). */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Steps run in parallel across operations. */
        @WithDefault("8")
        int workerThreads();

        /**
         * Fault injection for crash tests only: wait this long after each step's work and before
         * recording its success, the moment where a crash leaves made-but-unrecorded resources.
         */
        Optional<Duration> pauseAfterStepWork();
    }

    interface Secrets {
        /** File holding the 256-bit master key (created 0600 on first use). */
        Path masterKeyFile();
    }

    interface Broker {
        /** Run the embedded ActiveMQ broker tenant runtimes connect to (local driver). */
        @WithDefault("true")
        boolean embedded();

        /** OpenWire listener of the embedded broker. */
        @WithDefault("tcp://127.0.0.1:61616")
        String bindUrl();

        /** Broker URL handed to tenant runtimes. */
        @WithDefault("failover:(tcp://127.0.0.1:61616)?maxReconnectAttempts=-1&initialReconnectDelay=100")
        String clientUrl();

        /**
         * The embedded broker's store; {@code <data-dir>/broker} when unset. Replicas sharing a data
         * directory each need their own (KahaDB allows one broker per store).
         */
        Optional<Path> dataDir();
    }

    interface Edge {
        /** Run the local edge (host-name routing to tenant runtimes). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("127.0.0.1")
        String host();

        /** Plain HTTP listener (both host names; kept for local tools and health checks). */
        @WithDefault("8088")
        int port();

        /** TLS listener for interview hosts (the ALB's HTTPS listener, locally). */
        @WithDefault("8443")
        int tlsPort();

        /** Mutual-TLS listener for api. hosts: a client certificate from the tenant's CA is required (the NLB, locally). */
        @WithDefault("8444")
        int apiTlsPort();
    }

    interface Runtime {
        /** The tenant runtime's jar (one file) for tenants on no release yet; a release names its own. */
        Path jar();

        /**
         * JVM options for each tenant runtime, tuned for density (small heap, serial GC, capped
         * metaspace and code cache). Tiered compilation stays on: C1-only runtimes measured 35% fewer
         * cases/s once warm (ops/bench/results/runtime.md).
         */
        @WithDefault("-Xms16m,-Xmx96m,-Xss512k,-XX:+UseSerialGC,-XX:MaxMetaspaceSize=96m,-XX:ReservedCodeCacheSize=32m,-XX:MaxDirectMemorySize=32m,-Djava.net.preferIPv4Stack=true")
        List<String> jvmOptions();

        /** How long a new runtime may take to answer its health check. */
        @WithDefault("90s")
        Duration startTimeout();

        /** The java executable used to start runtimes. */
        Optional<Path> javaHome();

        /** Supervision of running runtimes (local driver; on AWS the auto-scaling groups do it). */
        Supervision supervision();
    }

    interface Supervision {
        /** How often every runtime is looked at. */
        @WithDefault("1s")
        Duration interval();

        /** Wait before the second restart in a row; it doubles with each failure after, up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration backoff();

        @WithDefault("60s")
        Duration maxBackoff();

        /** A runtime up this long after a restart counts as recovered: its failures are forgotten. */
        @WithDefault("60s")
        Duration stableAfter();

        /** Failed restarts in a row after which an incident is raised. */
        @WithDefault("3")
        int incidentAfter();
    }

    interface Local {
        /** JDBC URL of the MySQL server that holds tenant databases (admin rights needed). */
        String mysqlUrl();

        /** Admin user on that server. */
        @WithDefault("root")
        String mysqlAdminUser();

        /** Admin password on that server. */
        @WithDefault("")
        Optional<String> mysqlAdminPassword();

        /**
         * Where tenant database users may connect from: runtimes run on this machine, so 127.0.0.1;
         * a MySQL server elsewhere ({@code UNDERSIGN_MYSQL_URL}) sees this machine's address instead.
         */
        @WithDefault("127.0.0.1")
        String tenantUserHost();
    }

    /** The AWS driver ({@code undersign.driver=aws}): clients, DNS and Terraform. */
    interface Aws {
        @WithDefault("eu-west-2")
        String region();

        /** Sends every AWS call here instead (a local stand-in speaking the AWS protocols). */
        Optional<java.net.URI> endpoint();

        /** The platform's hosted zone (PlatformStack output {@code hosted_zone_id}). */
        Optional<String> hostedZoneId();

        /** Attempts per AWS call (throttling and 5xx are retried with backoff). */
        @WithDefault("5")
        int maxAttempts();

        /** Longest one AWS call may take, all its retries included. */
        @WithDefault("60s")
        java.time.Duration apiCallTimeout();

        /** How often to ask Route 53 whether a change is INSYNC, and for how long. */
        @WithDefault("10s")
        java.time.Duration dnsPollInterval();

        @WithDefault("10m")
        java.time.Duration dnsTimeout();

        /** The terraform (or tofu) executable. */
        @WithDefault("terraform")
        Path terraform();

        /** Longest one terraform command may run. */
        @WithDefault("60m")
        java.time.Duration terraformTimeout();

        /** The synth jar (infra/target/undersign-infra.jar), run as a child process. */
        Optional<Path> infraJar();

        /** Tenant VPCs are /16s carved from this range, none shared. */
        @WithDefault("10.64.0.0/10")
        String tenantSupernet();

        /** From the platform stack and the release process; required when the driver is aws. */
        Optional<String> runtimeImageId();

        Optional<String> transitGatewayId();

        Optional<String> alarmTopicArn();

        /** The SNS topic whose SMS subscriptions are the P2 subscribers (platform output {@code oncall_sms_topic_arn}). */
        Optional<String> oncallSmsTopicArn();

        /** The SNS topic two-way SMS events arrive on (platform output {@code oncall_inbound_topic_arn}). */
        Optional<String> oncallInboundTopicArn();

        /** Amazon Connect instance, contact flow and caller id for P1 calls. */
        Optional<String> connectInstanceId();

        Optional<String> connectContactFlowId();

        Optional<String> connectSourcePhone();

        Optional<String> stateBucket();

        Optional<String> stateLockTable();

        /**
         * The private bucket of tenants' client CAs and revocation lists, which their API load
         * balancers' trust stores read; it must be in the silo's region: {@code {region}} in the
         * name is replaced by it (e.g. {@code undersign-trust-stores-{region}}).
         */
        Optional<String> trustStoreBucket();

        /**
         * The role Terraform assumes to build silos (platform output {@code provisioner_role_arn});
         * unset: Terraform uses the control plane's own credentials.
         */
        Optional<String> provisionerRoleArn();

        /**
         * How tenant databases are reached (Connector/J sslMode): verified TLS to RDS; a stand-in
         * without TLS only in tests.
         */
        @WithDefault("VERIFY_IDENTITY")
        String dbSslMode();

        /** The runtime release being deployed (the image's version), recorded on each instance. */
        @WithDefault("0.1.0")
        String release();

        /**
         * The private bucket of release artifacts and rulebooks (by SHA-256), which runtimes'
         * instances read at boot; {@code {region}} is replaced by the silo's region.
         */
        Optional<String> releaseBucket();

        /**
         * Where an instance refresh pauses (percent of instances replaced; the last is 100) for
         * {@link #refreshCheckpointDelay()}, watched by the load balancers' health checks.
         */
        @WithDefault("50,100")
        List<Integer> refreshCheckpoints();

        @WithDefault("60s")
        java.time.Duration refreshCheckpointDelay();

        /** How long a new instance warms up before the refresh counts it healthy. */
        @WithDefault("120s")
        java.time.Duration instanceWarmup();

        /** How often to look at an instance refresh, and how long it may take. */
        @WithDefault("15s")
        java.time.Duration rolloutPollInterval();

        @WithDefault("45m")
        java.time.Duration rolloutTimeout();

        /** How long a new silo's public names may take to answer healthy. */
        @WithDefault("10m")
        java.time.Duration verifyGrace();
    }
}
