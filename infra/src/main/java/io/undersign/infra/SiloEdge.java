package io.undersign.infra;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.acm_certificate.AcmCertificate;
import com.hashicorp.cdktf.providers.aws.acm_certificate_validation.AcmCertificateValidation;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAcl;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclDefaultAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclDefaultActionAllow;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRule;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleOverrideAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleOverrideActionNone;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementManagedRuleGroupStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleVisibilityConfig;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclVisibilityConfig;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_association.Wafv2WebAclAssociation;
import java.util.List;
import software.constructs.Construct;

/**
 * The tenant's two front doors: an ALB with HTTPS (ACM certificate, WAF with the AWS managed
 * common and SQL-injection rule groups) for the interview, and an NLB with a TLS listener under
 * the tenant's security policy for the integrator API. Both forward to the runtime's port.
 */
public class SiloEdge extends Construct {
    private final Lb alb;
    private final Lb nlb;
    private final LbTargetGroup interviewTargets;
    private final LbTargetGroup apiTargets;
    private final LbTargetGroup suspendedTargets;
    private final LbListener albListener;
    private final LbListener nlbListener;

    /** Suspending a tenant switches the listeners' default actions outside Terraform; applies keep that. */
    private static final TerraformResourceLifecycle SUSPENSION_SURVIVES_APPLY =
            TerraformResourceLifecycle.builder().ignoreChanges(List.of("default_action")).build();

    public SiloEdge(Construct scope, String id, TenantSiloSpec spec, SiloNetwork network, SiloSecurityGroups groups) {
        super(scope, id);
        String name = "us-" + spec.tenantId();
        AcmCertificate certificate = AcmCertificate.Builder.create(this, "certificate").domainName(spec.interviewHost())
                .subjectAlternativeNames(List.of(spec.apiHost())).validationMethod("DNS")
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build()).build();
        // one DNS record per name on the certificate (CDKTF 0.19 has no iterator over a set of objects)
        certificate.overrideLogicalId("tenant_certificate");
        Route53Record records = Route53Record.Builder.create(this, "certificate-validation").zoneId(spec.hostedZoneId())
                .name("${each.value.resource_record_name}").type("${each.value.resource_record_type}")
                .records(List.of("${each.value.resource_record_value}")).ttl(60).allowOverwrite(true).build();
        records.addOverride("for_each",
                "${{for o in aws_acm_certificate.tenant_certificate.domain_validation_options : o.domain_name => o}}");
        AcmCertificateValidation validated = AcmCertificateValidation.Builder.create(this, "certificate-issued")
                .certificateArn(certificate.getArn()).dependsOn(List.of(records)).build();

        alb = Lb.Builder.create(this, "alb").name(name + "-web").loadBalancerType("application").internal(false)
                .subnets(network.publicSubnetIds()).securityGroups(List.of(groups.alb().getId()))
                .dropInvalidHeaderFields(true).enableDeletionProtection(!spec.decommission()).build();
        interviewTargets = targets("interview", name + "-web", "HTTP", spec, network);
        albListener = LbListener.Builder.create(this, "alb-https").loadBalancerArn(alb.getArn()).port(443).protocol("HTTPS")
                .sslPolicy(spec.tlsPolicy()).certificateArn(validated.getCertificateArn())
                .defaultAction(List.of(forwardTo(interviewTargets))).lifecycle(SUSPENSION_SURVIVES_APPLY).build();
        Wafv2WebAcl waf = Wafv2WebAcl.Builder.create(this, "waf").name(name + "-web").scope("REGIONAL")
                .defaultAction(Wafv2WebAclDefaultAction.builder().allow(Wafv2WebAclDefaultActionAllow.builder().build()).build())
                .rule(List.of(managedRules("AWSManagedRulesCommonRuleSet", 10), managedRules("AWSManagedRulesSQLiRuleSet", 20)))
                .visibilityConfig(Wafv2WebAclVisibilityConfig.builder().cloudwatchMetricsEnabled(true)
                        .metricName(name + "-web").sampledRequestsEnabled(true).build())
                .build();
        Wafv2WebAclAssociation.Builder.create(this, "waf-on-alb").resourceArn(alb.getArn()).webAclArn(waf.getArn()).build();

        nlb = Lb.Builder.create(this, "nlb").name(name + "-api").loadBalancerType("network").internal(false)
                .subnets(network.publicSubnetIds()).securityGroups(List.of(groups.nlb().getId()))
                .enableCrossZoneLoadBalancing(true).enableDeletionProtection(!spec.decommission()).build();
        apiTargets = targets("api", name + "-api", "TCP", spec, network);
        nlbListener = LbListener.Builder.create(this, "nlb-tls").loadBalancerArn(nlb.getArn()).port(443).protocol("TLS")
                .sslPolicy(spec.tlsPolicy()).certificateArn(validated.getCertificateArn()).alpnPolicy("HTTP1Only")
                .defaultAction(List.of(forwardTo(apiTargets))).lifecycle(SUSPENSION_SURVIVES_APPLY).build();
        // a suspended API forwards here: no instance is ever registered, so connections are refused
        suspendedTargets = targets("suspended", name + "-off", "TCP", spec, network);
    }

    private LbTargetGroup targets(String id, String name, String protocol, TenantSiloSpec spec, SiloNetwork network) {
        return LbTargetGroup.Builder.create(this, id + "-targets").name(name).port(SiloSecurityGroups.RUNTIME_PORT)
                .protocol(protocol).vpcId(network.vpc().getId()).targetType("instance").deregistrationDelay("30")
                .healthCheck(LbTargetGroupHealthCheck.builder().protocol("HTTP").path("/ping").matcher("200")
                        .interval(10).healthyThreshold(2).unhealthyThreshold(3).build())
                .build();
    }

    private static LbListenerDefaultAction forwardTo(LbTargetGroup group) {
        return LbListenerDefaultAction.builder().type("forward").targetGroupArn(group.getArn()).build();
    }

    private static Wafv2WebAclRule managedRules(String name, int priority) {
        return Wafv2WebAclRule.builder().name(name).priority(priority)
                .overrideAction(Wafv2WebAclRuleOverrideAction.builder().none(Wafv2WebAclRuleOverrideActionNone.builder().build()).build())
                .statement(Wafv2WebAclRuleStatement.builder().managedRuleGroupStatement(
                        Wafv2WebAclRuleStatementManagedRuleGroupStatement.builder().vendorName("AWS").name(name).build()).build())
                .visibilityConfig(Wafv2WebAclRuleVisibilityConfig.builder().cloudwatchMetricsEnabled(true).metricName(name)
                        .sampledRequestsEnabled(true).build())
                .build();
    }

    public Lb alb() {
        return alb;
    }

    public Lb nlb() {
        return nlb;
    }

    public LbTargetGroup interviewTargets() {
        return interviewTargets;
    }

    public LbTargetGroup apiTargets() {
        return apiTargets;
    }

    public LbTargetGroup suspendedTargets() {
        return suspendedTargets;
    }

    public LbListener albListener() {
        return albListener;
    }

    public LbListener nlbListener() {
        return nlbListener;
    }
}
