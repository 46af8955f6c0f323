package io.undersign.controlplane.driver.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.support.Api;
import io.undersign.controlplane.support.AwsStandIns;
import io.undersign.controlplane.support.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.undersign.controlplane.pki.Certificates;
import io.undersign.controlplane.pki.ClientCertificate;
import io.undersign.controlplane.pki.ClientCertificates;
import io.undersign.controlplane.pki.TenantPki;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantNames;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.tenant.TenantStatus;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AWS stack provisioner end to end on this machine: the VPC range allocated in the registry,
 * the broker secret made in Secrets Manager (a local server speaking its JSON protocol), the real
 * synth jar run as a child process, and the Terraform stand-in converging the stack.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AwsStandIns.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AwsStackProvisionerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "X-Amz-Target";
    private static final String NS = "xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";
    private static final String RRSET = "/2013-04-01/hostedzone/Z0123456789ABCDEF/rrset/?";
    private static final String PASSWORD = "Q7fH2kLm9PzX4vB8nR1tY6wC3sD5gJ0a";
    private static final String ELB_NS = "xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"";

    WireMockServer aws;

    @Inject
    AwsStackProvisioner provisioner;

    @Inject
    SiloOutputs siloOutputs;

    @Inject
    UndersignConfig config;

    @Inject
    AwsDnsRegistrar dns;

    @Inject
    AwsRuntimeDeployer deployer;

    @Inject
    TenantPki pki;

    @Inject
    TenantRepository tenantRows;

    @Inject
    ClientCertificates certificates;

    @Inject
    AwsClientTrust clientTrust;

    @Test
    void provisionsASiloRepeatablyRegistersItsNamesAndDestroysItAfterLiftingProtection() throws Exception {
        String id = Api.uniqueId("aws");
        TenantSpec tenant = new TenantSpec(id, "Aws Life", null, "eu-west-2", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
                "uw." + id + ".localhost", "api.uw." + id + ".localhost", null);
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.GetRandomPassword"))
                .willReturn(okJson("{\"RandomPassword\":\"" + PASSWORD + "\"}")));
        secretMadeOnce("undersign/" + id + "/broker");
        secretMadeOnce("undersign/" + id + "/db");
        // the silo's RDS-managed master user; the stand-in's "RDS endpoint" is the tests' real server
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("rds!db-0a1b2c3d-AbCdEf")).willReturn(okJson("""
                        {"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:rds!db-0a1b2c3d-AbCdEf","Name":"rds!db-0a1b2c3d",
                         "SecretString":"{\\"username\\":\\"root\\",\\"password\\":\\"\\"}","VersionId":"v1"}""")));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("undersign/" + id + "/db")).willReturn(okJson("""
                        {"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:undersign/%s/db-AbCdEf","Name":"undersign/%s/db",
                         "SecretString":"{\\"username\\":\\"%s\\",\\"password\\":\\"%s\\"}","VersionId":"v1"}"""
                        .formatted(id, id, TenantNames.databaseUser(id), PASSWORD))));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("undersign/" + id + "/broker")).willReturn(okJson("""
                        {"ARN":"arn:aws:secretsmanager:eu-west-2:111122223333:secret:undersign/%s/broker-AbCdEf","Name":"undersign/%s/broker",
                         "SecretString":"{\\"username\\":\\"tenant-%s\\",\\"password\\":\\"%s\\"}","VersionId":"v1"}"""
                        .formatted(id, id, id, PASSWORD))));

        aws.stubFor(put(urlPathMatching("/undersign-trust-stores-eu-west-2/tenants/" + id + "/.*")).willReturn(aResponse()
                .withStatus(200).withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTrustStoreRevocations")).willReturn(xml("""
                <DescribeTrustStoreRevocationsResponse %s><DescribeTrustStoreRevocationsResult><TrustStoreRevocations/>\
                </DescribeTrustStoreRevocationsResult><ResponseMetadata><RequestId>d1</RequestId></ResponseMetadata>\
                </DescribeTrustStoreRevocationsResponse>""".formatted(ELB_NS))));

        Map<String, String> made = provisioner.provision(tenant);

        assertThat(made.get("vpcCidr")).matches("10\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.0\\.0/16");
        assertThat(made).containsEntry("resourcesAdded", "2")
                .containsEntry("alb_dns_name", "us-acme-web-1234567890.eu-west-2.elb.amazonaws.com");
        Path dir = config.dataDir().resolve("aws").resolve(id).toAbsolutePath();
        JsonNode stack = JSON.readTree(dir.resolve("cdktf.out/stacks/" + id + "/cdk.tf.json").toFile());
        assertThat(stack.at("/resource/aws_vpc").elements().next().get("cidr_block").asText()).isEqualTo(made.get("vpcCidr"));
        assertThat(stack.at("/terraform/backend/s3/key").asText()).isEqualTo("tenants/" + id + "/terraform.tfstate");
        assertThat(stack.at("/provider/aws/0/assume_role/0/role_arn").asText()).as("Terraform builds as the provisioner")
                .isEqualTo("arn:aws:iam::111122223333:role/undersign-provisioner");
        assertThat(stack.toString()).contains("undersign/" + id + "/broker").doesNotContain(PASSWORD);
        assertThat(dir.resolve("tmp")).doesNotExist();
        String created = aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.CreateSecret")))
                .get(0).getBodyAsString();
        assertThat(JSON.readTree(created).get("Name").asText()).isEqualTo("undersign/" + id + "/broker");
        assertThat(JSON.readTree(JSON.readTree(created).get("SecretString").asText()).get("username").asText()).isEqualTo("tenant-" + id);
        Path calls = dir.resolve("cdktf.out/stacks/" + id + "/standin.log");
        assertThat(Files.readAllLines(calls)).extracting(l -> l.substring(l.indexOf(' ') + 1).split(" ")[0])
                .containsExactly("init", "plan", "apply", "output");

        // the API's trust store is made from the tenant's own client CA, put where the stack reads it
        String caUpload = "/undersign-trust-stores-eu-west-2/" + stack.at("/resource/aws_lb_trust_store").elements().next()
                .get("ca_certificates_bundle_s3_key").asText();
        assertThat(stack.at("/resource/aws_lb_trust_store").elements().next().get("ca_certificates_bundle_s3_bucket").asText())
                .isEqualTo("undersign-trust-stores-eu-west-2");
        X509Certificate ca = pem(aws.findAll(putRequestedFor(urlPathEqualTo(caUpload))).get(0).getBodyAsString());
        assertThat(ca).isEqualTo(pki.clientCa(id).certificate());
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AddTrustStoreRevocations"))))
                .as("nothing revoked yet: no list").isEmpty();

        // a certificate revoked before the silo was (re)built: the next apply leaves its trust store refusing it
        Certificates.Issued revoked = Certificates.client(pki.clientCa(id), "old-integrator", java.time.Duration.ofDays(30));
        QuarkusTransaction.requiringNew().run(() -> {
            Tenant row = new Tenant();
            row.id = id;
            row.displayName = "Aws Life";
            row.tier = "standard";
            row.region = "eu-west-2";
            row.status = TenantStatus.PROVISIONING;
            row.tlsPolicy = tenant.tlsPolicy();
            row.interviewHost = tenant.interviewHost();
            row.apiHost = tenant.apiHost();
            row.createdAt = java.time.Instant.now();
            row.updatedAt = row.createdAt;
            tenantRows.persist(row);
            ClientCertificate certificate = new ClientCertificate();
            certificate.serial = revoked.serial();
            certificate.tenantId = id;
            certificate.name = "old-integrator";
            certificate.notAfter = revoked.certificate().getNotAfter().toInstant();
            certificate.createdAt = java.time.Instant.now();
            certificate.revokedAt = certificate.createdAt;
            certificates.persist(certificate);
            // another tenant's revocation must never reach this tenant's trust store
            Tenant other = new Tenant();
            other.id = "x" + id;
            other.displayName = "Other Life";
            other.tier = "standard";
            other.region = "eu-west-2";
            other.status = TenantStatus.PROVISIONING;
            other.tlsPolicy = tenant.tlsPolicy();
            other.interviewHost = "uw.x" + id + ".localhost";
            other.apiHost = "api.uw.x" + id + ".localhost";
            other.createdAt = java.time.Instant.now();
            other.updatedAt = other.createdAt;
            tenantRows.persist(other);
            ClientCertificate theirs = new ClientCertificate();
            theirs.serial = "7a11";
            theirs.tenantId = other.id;
            theirs.name = "their-integrator";
            theirs.notAfter = certificate.notAfter;
            theirs.createdAt = certificate.createdAt;
            theirs.revokedAt = certificate.createdAt;
            certificates.persist(theirs);
        });
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AddTrustStoreRevocations")).willReturn(xml("""
                <AddTrustStoreRevocationsResponse %s><AddTrustStoreRevocationsResult><TrustStoreRevocations><member>\
                <TrustStoreArn>arn:aws:elasticloadbalancing:eu-west-2:111122223333:truststore/us-acme-api/73e2d6bc24d8a067</TrustStoreArn>\
                <RevocationId>1</RevocationId><RevocationType>CRL</RevocationType><NumberOfRevokedEntries>1</NumberOfRevokedEntries>\
                </member></TrustStoreRevocations></AddTrustStoreRevocationsResult><ResponseMetadata><RequestId>a1</RequestId>\
                </ResponseMetadata></AddTrustStoreRevocationsResponse>""".formatted(ELB_NS))));

        // again: the same range, the secret found, Terraform converges
        assertThat(provisioner.provision(tenant).get("vpcCidr")).isEqualTo(made.get("vpcCidr"));
        String added = java.net.URLDecoder.decode(aws.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=AddTrustStoreRevocations"))).get(0).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(added).contains("truststore/us-acme-api/", "RevocationContents.member.1.RevocationType=CRL");
        String crlKey = added.replaceAll("(?s).*RevocationContents\\.member\\.1\\.S3Key=([^&]+).*", "$1");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(aws.findAll(
                putRequestedFor(urlPathEqualTo("/undersign-trust-stores-eu-west-2/" + crlKey))).get(0).getBody()));
        crl.verify(ca.getPublicKey());
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.getRevokedCertificates()).as("only this tenant's revocations").hasSize(1);
        // as `certs revoke` does it: by tenant id alone (its region from the registry)
        clientTrust.publishRevocations(id);
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AddTrustStoreRevocations"))))
                .hasSize(2);
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.CreateSecret")))).hasSize(2);
        assertThat(siloOutputs.of(id).text("db_endpoint")).endsWith(":3306");

        // the runtime gets the tenant's own database user, with row rights on its database only; migrations another
        var connection = provisioner.connection(tenant);
        assertThat(connection.migrationUser()).isEqualTo(TenantNames.migrationUser(id));
        assertThat(connection.user()).isEqualTo(TenantNames.databaseUser(id)).isNotEqualTo("root");
        assertThat(connection.jdbcUrl()).endsWith("/" + TenantNames.database(id) + "?sslMode=DISABLED");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(connection.jdbcUrl(), connection.user(), connection.password());
                java.sql.Statement st = c.createStatement(); java.sql.ResultSet grants = st.executeQuery("SHOW GRANTS")) {
            java.util.List<String> granted = new java.util.ArrayList<>();
            while (grants.next()) {
                granted.add(grants.getString(1));
            }
            assertThat(granted).anyMatch(g -> g.startsWith("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + TenantNames.database(id) + "`.*"))
                    .anyMatch(g -> g.startsWith("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + TenantNames.keyDatabase(id) + "`.*"))
                    .allMatch(g -> g.contains("`" + TenantNames.database(id) + "`") || g.contains("`" + TenantNames.keyDatabase(id) + "`")
                            || g.startsWith("GRANT USAGE ON *.*"));
        }

        // the silo's names: aliases to its load balancers, waited on until INSYNC
        aws.stubFor(post(urlPathMatching(RRSET)).willReturn(xml("""
                <ChangeResourceRecordSetsResponse %s><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status>\
                <SubmittedAt>2026-11-29T12:00:00.000Z</SubmittedAt></ChangeInfo></ChangeResourceRecordSetsResponse>""".formatted(NS))));
        aws.stubFor(get(urlPathMatching("/2013-04-01/change/C2682N5HXP0BZ4")).willReturn(xml("""
                <GetChangeResponse %s><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>INSYNC</Status>\
                <SubmittedAt>2026-11-29T12:00:00.000Z</SubmittedAt></ChangeInfo></GetChangeResponse>""".formatted(NS))));
        Map<String, String> registered = dns.register(tenant);
        assertThat(registered).containsEntry(tenant.apiHost(), "us-acme-api-0987654321.elb.eu-west-2.amazonaws.com");
        String batch = aws.findAll(postRequestedFor(urlPathMatching(RRSET))).get(0).getBodyAsString();
        assertThat(batch).contains("<Name>" + tenant.interviewHost() + "</Name>").contains("<HostedZoneId>ZHURV8PSTC4K8</HostedZoneId>")
                .contains("<Name>" + tenant.apiHost() + "</Name>").contains("<HostedZoneId>ZD4D7Y8KGAS4G</HostedZoneId>");
        assertThat(SiloOutputs.brokerUrl(siloOutputs.of(id))).isEqualTo(
                "failover:(ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-1.mq.eu-west-2.amazonaws.com:61617,"
                        + "ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-2.mq.eu-west-2.amazonaws.com:61617)?maxReconnectAttempts=-1");

        // suspended: the ALB answers 503 with the maintenance page, the NLB forwards to nothing; resumed: back
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ModifyListener")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <ModifyListenerResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><ModifyListenerResult>
                        <Listeners><member><ListenerArn>arn:aws:elasticloadbalancing:eu-west-2:111122223333:listener/app/us-acme-web/x/y\
                        </ListenerArn></member></Listeners></ModifyListenerResult></ModifyListenerResponse>""")));
        dns.suspend(tenant);
        var switched = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ModifyListener")));
        assertThat(switched).hasSize(2);
        assertThat(java.net.URLDecoder.decode(switched.get(0).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("listener/app/us-acme-web/").contains("DefaultActions.member.1.Type=fixed-response")
                .contains("FixedResponseConfig.StatusCode=503").contains("Service suspended");
        assertThat(java.net.URLDecoder.decode(switched.get(1).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("listener/net/us-acme-api/").contains("targetgroup/us-acme-off/");
        dns.resume(tenant);
        var resumed = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ModifyListener")));
        assertThat(java.net.URLDecoder.decode(resumed.get(2).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("DefaultActions.member.1.Type=forward").contains("targetgroup/us-acme-web/");
        assertThat(java.net.URLDecoder.decode(resumed.get(3).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("targetgroup/us-acme-api/");

        // the runtime: configuration to SSM, a launch template version, an instance refresh to its end
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("AmazonSSM.PutParameter"))
                .willReturn(okJson("{\"Version\":1,\"Tier\":\"Standard\"}")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeLaunchTemplateVersions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeLaunchTemplateVersionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r0</requestId>
                        <launchTemplateVersionSet/></DescribeLaunchTemplateVersionsResponse>""")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=CreateLaunchTemplateVersion")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <CreateLaunchTemplateVersionResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r1</requestId>
                        <launchTemplateVersion><launchTemplateId>lt-0abcd290751193123</launchTemplateId><versionNumber>3</versionNumber>
                        </launchTemplateVersion></CreateLaunchTemplateVersionResponse>""")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=StartInstanceRefresh")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <StartInstanceRefreshResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><StartInstanceRefreshResult>
                        <InstanceRefreshId>08b91cf7-8fa6-48af-b6a6-d227f40f1b9b</InstanceRefreshId></StartInstanceRefreshResult>
                        </StartInstanceRefreshResponse>""")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeInstanceRefreshes")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeInstanceRefreshesResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
                        <DescribeInstanceRefreshesResult><InstanceRefreshes><member><InstanceRefreshId>08b91cf7-8fa6-48af-b6a6-d227f40f1b9b\
                        </InstanceRefreshId><AutoScalingGroupName>undersign-acme</AutoScalingGroupName><Status>Successful</Status>
                        <PercentageComplete>100</PercentageComplete><InstancesToUpdate>0</InstancesToUpdate></member></InstanceRefreshes>
                        </DescribeInstanceRefreshesResult></DescribeInstanceRefreshesResponse>""")));
        assertThat(deployer.deploy(tenant)).containsEntry("launchTemplateVersion", "3")
                .containsEntry("instanceRefresh", "08b91cf7-8fa6-48af-b6a6-d227f40f1b9b");
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("AmazonSSM.PutParameter"))))
                .extracting(r -> JSON.readTree(r.getBodyAsString()).get("Name").asText())
                .contains("/undersign/" + id + "/db-url", "/undersign/" + id + "/broker-secret", "/undersign/" + id + "/db-secret");
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("AmazonSSM.PutParameter"))))
                .extracting(r -> JSON.readTree(r.getBodyAsString()).get("Value").asText())
                .contains("undersign/" + id + "/db").noneMatch(v -> v.contains("rds!db"));

        aws.stubFor(get(urlPathEqualTo("/undersign-trust-stores-eu-west-2")).willReturn(xml("""
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>undersign-trust-stores-eu-west-2</Name>\
                <Prefix>tenants/%s/</Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>\
                <Contents><Key>tenants/%s/client-ca.pem</Key><LastModified>2026-11-29T10:00:00.000Z</LastModified>\
                <ETag>"9b2cf535f27731c974343645a3985328"</ETag><Size>1200</Size><StorageClass>STANDARD</StorageClass></Contents>\
                </ListBucketResult>""".formatted(id, id))));
        aws.stubFor(post(urlPathEqualTo("/undersign-trust-stores-eu-west-2")).willReturn(xml(
                "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>")));
        Map<String, String> destroyed = provisioner.destroy(tenant);
        assertThat(pki.existingClientCa(id)).as("the tenant's CA key is gone with the tenant").isEmpty();
        assertThat(aws.findAll(postRequestedFor(urlPathEqualTo("/undersign-trust-stores-eu-west-2"))).get(0).getBodyAsString())
                .contains("<Key>tenants/" + id + "/client-ca.pem</Key>");
        assertThat(destroyed).containsEntry("finalSnapshot", "undersign-" + id + "-final");
        JsonNode leaving = JSON.readTree(dir.resolve("cdktf.out/stacks/" + id + "/cdk.tf.json").toFile());
        assertThat(leaving.findValue("deletion_protection").asBoolean()).isFalse();
        assertThat(Files.readAllLines(calls)).anyMatch(l -> l.contains("plan -input=false -json -out=undersign.tfplan -destroy"));
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DeleteSecret"))))
                .extracting(r -> JSON.readTree(r.getBodyAsString()).get("SecretId").asText())
                .containsExactlyInAnyOrder("undersign/" + id + "/broker", "undersign/" + id + "/db");
    }

    /** DescribeSecret: not found until CreateSecret made it; then found (a repeat makes nothing). */
    private void secretMadeOnce(String name) {
        String arn = "arn:aws:secretsmanager:eu-west-2:111122223333:secret:" + name + "-AbCdEf";
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DescribeSecret")).withRequestBody(containing(name))
                .inScenario(name).whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.CreateSecret")).withRequestBody(containing(name))
                .inScenario(name).willSetStateTo("made").willReturn(okJson("""
                        {"ARN":"%s","Name":"%s","VersionId":"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1"}""".formatted(arn, name))));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DescribeSecret")).withRequestBody(containing(name))
                .inScenario(name).whenScenarioStateIs("made").willReturn(okJson("{\"ARN\":\"%s\",\"Name\":\"%s\"}".formatted(arn, name))));
        aws.stubFor(post(urlEqualTo("/")).withHeader(TARGET, equalTo("secretsmanager.DeleteSecret")).withRequestBody(containing(name))
                .willReturn(okJson("{\"ARN\":\"%s\",\"Name\":\"%s\",\"DeletionDate\":1.7965e9}".formatted(arn, name))));
    }

    private static X509Certificate pem(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);
    }
}
