package io.undersign.infra;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroup;
import com.hashicorp.cdktf.providers.aws.mq_broker.MqBroker;
import com.hashicorp.cdktf.providers.aws.mq_broker.MqBrokerEncryptionOptions;
import com.hashicorp.cdktf.providers.aws.mq_broker.MqBrokerLogs;
import com.hashicorp.cdktf.providers.aws.mq_broker.MqBrokerUser;
import java.util.List;
import software.constructs.Construct;

/**
 * The tenant's stores, in its private subnets: RDS MySQL 8 Multi-AZ (encrypted, backed up,
 * protected from deletion, a final snapshot on destroy, the master password generated and kept
 * by RDS in Secrets Manager) and Amazon MQ for ActiveMQ, active/standby over both zones. The
 * broker user's password comes from a Secrets Manager secret the control plane created: no
 * password is ever written into the stack.
 */
public class SiloData extends Construct {
    private final DbInstance database;
    private final MqBroker broker;

    public SiloData(Construct scope, String id, TenantSiloSpec spec, SiloNetwork network, SiloSecurityGroups groups) {
        super(scope, id);
        String name = "undersign-" + spec.tenantId();
        DbSubnetGroup subnets = DbSubnetGroup.Builder.create(this, "db-subnets").name(name).subnetIds(network.privateSubnetIds()).build();
        database = DbInstance.Builder.create(this, "db").identifier(name).engine("mysql").engineVersion("8.0")
                .instanceClass(spec.dbInstanceClass()).allocatedStorage(spec.dbAllocatedStorageGb())
                .maxAllocatedStorage(spec.dbAllocatedStorageGb() * 4).storageType("gp3").storageEncrypted(true)
                .multiAz(true).dbName("undersign").username("undersign").manageMasterUserPassword(true)
                .dbSubnetGroupName(subnets.getName()).vpcSecurityGroupIds(List.of(groups.database().getId()))
                .publiclyAccessible(false).backupRetentionPeriod(14).copyTagsToSnapshot(true)
                .deletionProtection(!spec.decommission()).skipFinalSnapshot(false).finalSnapshotIdentifier(name + "-final")
                .autoMinorVersionUpgrade(true).enabledCloudwatchLogsExports(List.of("error", "slowquery"))
                .build();
        DataAwsSecretsmanagerSecretVersion brokerSecret = DataAwsSecretsmanagerSecretVersion.Builder.create(this, "broker-secret")
                .secretId(spec.brokerSecretName()).build();
        Object credentials = Fn.jsondecode(brokerSecret.getSecretString());
        broker = MqBroker.Builder.create(this, "mq").brokerName(name).engineType("ActiveMQ").engineVersion("5.17.6")
                .hostInstanceType(spec.brokerInstanceType()).deploymentMode("ACTIVE_STANDBY_MULTI_AZ")
                .subnetIds(network.privateSubnetIds()).securityGroups(List.of(groups.broker().getId()))
                .publiclyAccessible(false).autoMinorVersionUpgrade(true)
                .encryptionOptions(MqBrokerEncryptionOptions.builder().useAwsOwnedKey(false).build())
                .logs(MqBrokerLogs.builder().general(true).audit("true").build())
                .user(List.of(MqBrokerUser.builder()
                        .username(Token.asString(Fn.lookup(credentials, "username")))
                        .password(Token.asString(Fn.lookup(credentials, "password"))).build()))
                .build();
    }

    public DbInstance database() {
        return database;
    }

    public MqBroker broker() {
        return broker;
    }
}
