package io.undersign.infra;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.acm_certificate.AcmCertificate;
import com.hashicorp.cdktf.providers.aws.acm_certificate_validation.AcmCertificateValidation;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHttpRequestMethod;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionPathPattern;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53Zone;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.sns_topic_subscription.SnsTopicSubscription;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.List;
import software.constructs.Construct;

/**
 * What paging needs on AWS: the SMS topic whose subscriptions are the P2 subscribers (the control
 * plane keeps them in step with the rota), the topic two-way SMS arrive on, and the one way in to the
 * control plane: a load balancer answering only {@code POST /api/v1/oncall/sns} at
 * {@code oncall.<zone>} (everything else 404 at the balancer), subscribed to the inbound topic. The
 * control plane verifies each message's signature; the balancer only narrows what can reach it.
 */
final class PlatformOncall extends Construct {
    static final String INBOUND_PATH = "/api/v1/oncall/sns";
    static final int CONTROL_PLANE_PORT = 8080;
    /** The platform's own edge policy: TLS 1.3 and 1.2 with forward-secret AEAD suites only. */
    static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";

    private final SnsTopic sms;
    private final SnsTopic inbound;
    private final LbTargetGroup targets;
    private final SecurityGroup balancerGroup;

    PlatformOncall(Construct scope, String id, PlatformSpec spec, String accountId, Route53Zone zone, Vpc vpc, List<String> publicSubnets) {
        super(scope, id);
        sms = SnsTopic.Builder.create(this, "sms").name("undersign-oncall-sms").kmsMasterKeyId("alias/aws/sns").build();
        // End User Messaging publishes two-way SMS here; an AWS-managed key would shut it out, and the texts are ACK codes
        inbound = SnsTopic.Builder.create(this, "inbound").name("undersign-oncall-inbound").build();
        com.hashicorp.cdktf.providers.aws.sns_topic_policy.SnsTopicPolicy.Builder.create(this, "inbound-publishers").arn(inbound.getArn())
                .policy(com.hashicorp.cdktf.Fn.jsonencode(java.util.Map.of("Version", "2012-10-17", "Statement", List.of(java.util.Map.of(
                        "Sid", "TwoWaySms", "Effect", "Allow",
                        "Principal", java.util.Map.of("Service", List.of("sms-voice.amazonaws.com", "mobile.amazonaws.com")),
                        "Action", "sns:Publish", "Resource", inbound.getArn(),
                        "Condition", java.util.Map.of("StringEquals", java.util.Map.of("aws:SourceAccount", accountId)))))))
                .build();

        String host = "oncall." + spec.zoneName();
        AcmCertificate certificate = AcmCertificate.Builder.create(this, "certificate").domainName(host).validationMethod("DNS").build();
        certificate.overrideLogicalId("oncall_certificate");
        Route53Record validation = Route53Record.Builder.create(this, "certificate-validation").zoneId(zone.getZoneId())
                .name("${each.value.resource_record_name}").type("${each.value.resource_record_type}")
                .records(List.of("${each.value.resource_record_value}")).ttl(60).allowOverwrite(true).build();
        validation.addOverride("for_each",
                "${{for o in aws_acm_certificate.oncall_certificate.domain_validation_options : o.domain_name => o}}");
        AcmCertificateValidation validated = AcmCertificateValidation.Builder.create(this, "certificate-issued")
                .certificateArn(certificate.getArn()).dependsOn(List.of(validation)).build();

        balancerGroup = SecurityGroup.Builder.create(this, "balancer-sg").name("undersign-oncall-inbound")
                .description("SNS deliveries to the control plane: HTTPS in, the control plane's port out").vpcId(vpc.getId()).build();
        VpcSecurityGroupIngressRule.Builder.create(this, "balancer-https-in").securityGroupId(balancerGroup.getId()).cidrIpv4("0.0.0.0/0")
                .ipProtocol("tcp").fromPort(443).toPort(443).build();
        Lb balancer = Lb.Builder.create(this, "balancer").name("undersign-oncall").loadBalancerType("application").internal(false)
                .subnets(publicSubnets).securityGroups(List.of(balancerGroup.getId())).dropInvalidHeaderFields(true).build();
        targets = LbTargetGroup.Builder.create(this, "targets").name("undersign-control-plane").port(CONTROL_PLANE_PORT).protocol("HTTP")
                .vpcId(vpc.getId()).targetType("instance").deregistrationDelay("30")
                .healthCheck(LbTargetGroupHealthCheck.builder().protocol("HTTP").path("/q/health/live").matcher("200")
                        .interval(15).healthyThreshold(2).unhealthyThreshold(3).build())
                .build();
        LbListener listener = LbListener.Builder.create(this, "https").loadBalancerArn(balancer.getArn()).port(443).protocol("HTTPS")
                .sslPolicy(TLS_POLICY).certificateArn(validated.getCertificateArn())
                .defaultAction(List.of(LbListenerDefaultAction.builder().type("fixed-response").fixedResponse(
                        LbListenerDefaultActionFixedResponse.builder().statusCode("404").contentType("text/plain").messageBody("Not found").build())
                        .build()))
                .build();
        LbListenerRule.Builder.create(this, "sns-only").listenerArn(listener.getArn()).priority(10)
                .condition(List.of(LbListenerRuleCondition.builder().pathPattern(LbListenerRuleConditionPathPattern.builder()
                                .values(List.of(INBOUND_PATH)).build()).build(),
                        LbListenerRuleCondition.builder().httpRequestMethod(LbListenerRuleConditionHttpRequestMethod.builder()
                                .values(List.of("POST")).build()).build()))
                .action(List.of(LbListenerRuleAction.builder().type("forward").targetGroupArn(targets.getArn()).build())).build();
        Route53Record.Builder.create(this, "host").zoneId(zone.getZoneId()).name(host).type("A")
                .alias(Route53RecordAlias.builder().name(balancer.getDnsName()).zoneId(balancer.getZoneId()).evaluateTargetHealth(true).build())
                .build();
        // the control plane confirms this subscription itself when SNS posts the confirmation (ConfirmSubscription)
        SnsTopicSubscription.Builder.create(this, "inbound-to-control-plane").topicArn(inbound.getArn()).protocol("https")
                .endpoint("https://" + host + INBOUND_PATH).endpointAutoConfirms(false).confirmationTimeoutInMinutes(10)
                .dependsOn(List.of(listener)).build();

        TerraformOutput.Builder.create(this, "sms-topic").value(sms.getArn()).build().overrideLogicalId("oncall_sms_topic_arn");
        TerraformOutput.Builder.create(this, "inbound-topic").value(inbound.getArn()).build().overrideLogicalId("oncall_inbound_topic_arn");
    }

    SnsTopic sms() {
        return sms;
    }

    SnsTopic inbound() {
        return inbound;
    }

    LbTargetGroup targets() {
        return targets;
    }

    /** Lets the balancer reach the control plane's port, and nothing else of it. */
    void admitTo(SecurityGroup controlPlane) {
        VpcSecurityGroupIngressRule.Builder.create(this, "control-plane-from-balancer").securityGroupId(controlPlane.getId())
                .referencedSecurityGroupId(balancerGroup.getId()).ipProtocol("tcp").fromPort(CONTROL_PLANE_PORT).toPort(CONTROL_PLANE_PORT).build();
        VpcSecurityGroupEgressRule.Builder.create(this, "balancer-to-control-plane").securityGroupId(balancerGroup.getId())
                .referencedSecurityGroupId(controlPlane.getId()).ipProtocol("tcp").fromPort(CONTROL_PLANE_PORT).toPort(CONTROL_PLANE_PORT).build();
    }
}
