package io.undersign.infra;

import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import software.constructs.Construct;

/**
 * Only the flows the design needs: the internet reaches the two listeners on 443; the load
 * balancers reach the runtime's port; the runtime reaches the database and the broker; the
 * runtime's way out (package and AWS API calls) is HTTPS.
 */
public class SiloSecurityGroups extends Construct {
    public static final int RUNTIME_PORT = 8080;
    public static final int MYSQL_PORT = 3306;
    public static final int OPENWIRE_TLS_PORT = 61617;

    private final SecurityGroup alb;
    private final SecurityGroup nlb;
    private final SecurityGroup runtime;
    private final SecurityGroup database;
    private final SecurityGroup broker;

    public SiloSecurityGroups(Construct scope, String id, TenantSiloSpec spec, String vpcId) {
        super(scope, id);
        alb = group("alb", spec, vpcId, "Interview load balancer: HTTPS from the internet");
        nlb = group("nlb", spec, vpcId, "API load balancer: TLS from the internet");
        runtime = group("runtime", spec, vpcId, "Tenant runtime instances");
        database = group("db", spec, vpcId, "Tenant database");
        broker = group("mq", spec, vpcId, "Tenant message broker");
        fromInternet("alb-https", alb, 443);
        fromInternet("nlb-tls", nlb, 443);
        between("alb-to-runtime", alb, runtime, RUNTIME_PORT);
        between("nlb-to-runtime", nlb, runtime, RUNTIME_PORT);
        between("runtime-to-db", runtime, database, MYSQL_PORT);
        between("runtime-to-mq", runtime, broker, OPENWIRE_TLS_PORT);
        VpcSecurityGroupEgressRule.Builder.create(this, "runtime-https-out").securityGroupId(runtime.getId())
                .cidrIpv4("0.0.0.0/0").ipProtocol("tcp").fromPort(443).toPort(443)
                .description("AWS APIs (SSM, Secrets Manager, CloudWatch) through the Transit Gateway").build();
    }

    private SecurityGroup group(String name, TenantSiloSpec spec, String vpcId, String description) {
        return SecurityGroup.Builder.create(this, name).name("undersign-" + spec.tenantId() + "-" + name)
                .description(description).vpcId(vpcId).build();
    }

    private void fromInternet(String id, SecurityGroup target, int port) {
        VpcSecurityGroupIngressRule.Builder.create(this, id).securityGroupId(target.getId()).cidrIpv4("0.0.0.0/0")
                .ipProtocol("tcp").fromPort(port).toPort(port).description("listener").build();
    }

    /** {@code from} may open connections to {@code to} on one port (ingress on one side, egress on the other). */
    private void between(String id, SecurityGroup from, SecurityGroup to, int port) {
        VpcSecurityGroupIngressRule.Builder.create(this, id + "-in").securityGroupId(to.getId())
                .referencedSecurityGroupId(from.getId()).ipProtocol("tcp").fromPort(port).toPort(port).build();
        VpcSecurityGroupEgressRule.Builder.create(this, id + "-out").securityGroupId(from.getId())
                .referencedSecurityGroupId(to.getId()).ipProtocol("tcp").fromPort(port).toPort(port).build();
    }

    public SecurityGroup alb() {
        return alb;
    }

    public SecurityGroup nlb() {
        return nlb;
    }

    public SecurityGroup runtime() {
        return runtime;
    }

    public SecurityGroup database() {
        return database;
    }

    public SecurityGroup broker() {
        return broker;
    }
}
