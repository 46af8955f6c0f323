package io.undersign.controlplane.driver.aws;

import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;

/**
 * Holds a silo's traffic while it is suspended, at its load balancers: the interview's ALB answers
 * 503 with the maintenance page itself, the API's NLB forwards to a target group with no
 * instances (connections refused). Resuming points both back at the runtime. Setting what is
 * already set is harmless.
 */
public final class TrafficSwitch {
    /** ALB fixed responses carry at most 1,024 characters. */
    static final String MAINTENANCE_PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Service suspended</title></head>\
            <body><main><h1>Service suspended</h1><p>This service is suspended for now. Please try again later \
            or contact your insurer.</p></main></body></html>""";

    /** The listeners and target groups of one silo (its stack's outputs). */
    public record Listeners(String albListener, String nlbListener, String interviewTargets, String apiTargets,
            String suspendedTargets) {
    }

    private final ElasticLoadBalancingV2Client elb;

    public TrafficSwitch(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    public void suspend(Listeners silo) {
        set(silo.albListener(), Action.builder().type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("503")
                .contentType("text/html").messageBody(MAINTENANCE_PAGE)).build());
        set(silo.nlbListener(), forward(silo.suspendedTargets()));
    }

    public void resume(Listeners silo) {
        set(silo.albListener(), forward(silo.interviewTargets()));
        set(silo.nlbListener(), forward(silo.apiTargets()));
    }

    private void set(String listener, Action action) {
        elb.modifyListener(r -> r.listenerArn(listener).defaultActions(action));
    }

    private static Action forward(String targetGroup) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroup).build();
    }
}
