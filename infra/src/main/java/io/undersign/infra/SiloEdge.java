package io.undersign.infra;

import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
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
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclCustomResponseBody;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleActionBlock;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleActionBlockCustomResponse;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRegexMatchStatement;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRegexMatchStatementFieldToMatch;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRegexMatchStatementFieldToMatchUriPath;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclRuleStatementRegexMatchStatementTextTransformation;
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
import java.util.Map;
import software.constructs.Construct;

/**
 * The tenant's two front doors: an ALB with HTTPS (ACM certificate, WAF with the AWS managed
 * common and SQL-injection rule groups) for the interview, and an NLB with a TLS listener under
 * the tenant's security policy for the integrator API, verifying client certificates against a
 * trust store holding only the tenant's own client CA (mutual TLS, verify mode). Both forward to
 * the runtime's port; the interview's WAF refuses API paths, which need the API's door.
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

    /** What the interview's WAF answers to an API path (same words as the local edge). */
    static final String API_ON_INTERVIEW_HOST = "api-on-interview-host";

    /**
     * An API path as the runtime will match it, after WAF has URL-decoded it, resolved dot
     * segments and repeated slashes and lower-cased it; matrix parameters are allowed for.
     */
    static final String API_PATH = "^/api(;[^/]*)?(/|$)";

    private final TerraformResource trustStore;
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
                .rule(List.of(apiPathsRefused(), managedRules("AWSManagedRulesCommonRuleSet", 10),
                        managedRules("AWSManagedRulesSQLiRuleSet", 20)))
                .customResponseBody(List.of(Wafv2WebAclCustomResponseBody.builder().key(API_ON_INTERVIEW_HOST)
                        .contentType("APPLICATION_JSON").content(apiRefusal(spec)).build()))
                .visibilityConfig(Wafv2WebAclVisibilityConfig.builder().cloudwatchMetricsEnabled(true)
                        .metricName(name + "-web").sampledRequestsEnabled(true).build())
                .build();
        Wafv2WebAclAssociation.Builder.create(this, "waf-on-alb").resourceArn(alb.getArn()).webAclArn(waf.getArn()).build();

        nlb = Lb.Builder.create(this, "nlb").name(name + "-api").loadBalancerType("network").internal(false)
                .subnets(network.publicSubnetIds()).securityGroups(List.of(groups.nlb().getId()))
                .enableCrossZoneLoadBalancing(true).enableDeletionProtection(!spec.decommission()).build();
        apiTargets = targets("api", name + "-api", "TCP", spec, network);
        // aws_lb_trust_store and NLB mutual TLS are newer than the bindings' provider (5.23.1): raw resource and overrides
        trustStore = new TerraformResource(this, "trust-store", TerraformResourceConfig.builder()
                .terraformResourceType("aws_lb_trust_store").build());
        trustStore.addOverride("name", spec.trustStoreName());
        trustStore.addOverride("ca_certificates_bundle_s3_bucket", spec.trustStoreBucket());
        trustStore.addOverride("ca_certificates_bundle_s3_key", spec.clientCaKey());
        nlbListener = LbListener.Builder.create(this, "nlb-tls").loadBalancerArn(nlb.getArn()).port(443).protocol("TLS")
                .sslPolicy(spec.tlsPolicy()).certificateArn(validated.getCertificateArn()).alpnPolicy("HTTP1Only")
                .defaultAction(List.of(forwardTo(apiTargets))).lifecycle(SUSPENSION_SURVIVES_APPLY).build();
        // verify mode: no certificate, one from another CA, expired or revoked fails the handshake
        nlbListener.addOverride("mutual_authentication", Map.of("mode", "verify",
                "trust_store_arn", trustStore.getStringAttribute("arn"), "ignore_client_certificate_expiry", false));
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

    private static Wafv2WebAclRule apiPathsRefused() {
        List<Wafv2WebAclRuleStatementRegexMatchStatementTextTransformation> normalised = List.of(
                transformation(0, "URL_DECODE"), transformation(1, "NORMALIZE_PATH"), transformation(2, "LOWERCASE"));
        return Wafv2WebAclRule.builder().name("ApiOnlyOnApiHost").priority(0)
                .action(Wafv2WebAclRuleAction.builder().block(Wafv2WebAclRuleActionBlock.builder()
                        .customResponse(Wafv2WebAclRuleActionBlockCustomResponse.builder().responseCode(403)
                                .customResponseBodyKey(API_ON_INTERVIEW_HOST).build()).build()).build())
                .statement(Wafv2WebAclRuleStatement.builder().regexMatchStatement(Wafv2WebAclRuleStatementRegexMatchStatement.builder()
                        .regexString(API_PATH)
                        .fieldToMatch(Wafv2WebAclRuleStatementRegexMatchStatementFieldToMatch.builder()
                                .uriPath(Wafv2WebAclRuleStatementRegexMatchStatementFieldToMatchUriPath.builder().build()).build())
                        .textTransformation(normalised).build()).build())
                .visibilityConfig(Wafv2WebAclRuleVisibilityConfig.builder().cloudwatchMetricsEnabled(true).metricName("ApiOnlyOnApiHost")
                        .sampledRequestsEnabled(true).build())
                .build();
    }

    private static Wafv2WebAclRuleStatementRegexMatchStatementTextTransformation transformation(int priority, String type) {
        return Wafv2WebAclRuleStatementRegexMatchStatementTextTransformation.builder().priority(priority).type(type).build();
    }

    private static String apiRefusal(TenantSiloSpec spec) {
        return "{\"type\":\"about:blank\",\"title\":\"Mutual TLS required\",\"status\":403,\"detail\":\"The integrator API is "
                + "served at https://" + spec.apiHost() + " with a client certificate issued for this service.\"}";
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

    public TerraformResource trustStore() {
        return trustStore;
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
