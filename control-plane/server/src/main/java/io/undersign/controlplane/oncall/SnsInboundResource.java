package io.undersign.controlplane.oncall;

import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.aws.AwsClients;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.messagemanager.sns.SnsMessageManager;
import software.amazon.awssdk.regions.Region;

/**
 * The HTTPS endpoint the inbound-SMS topic is subscribed with (AWS driver only). No token: SNS cannot
 * send one, so every message is verified by its signature instead ({@link SnsInbound}); anything else
 * is a 403 and changes nothing.
 */
@Path("/api/v1/oncall/sns")
public class SnsInboundResource {
    @Inject
    UndersignConfig config;

    @Inject
    AwsClients clients;

    @Inject
    InboundTexts texts;

    private volatile SnsInbound inbound;

    public record Accepted(String outcome, String detail) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    // not audited: anyone may post here, and a refused post must not cost a row; what is taken is kept in oncall_inbound
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "snsInboundSms",
            summary = "Messages of the inbound-SMS SNS topic (signed by SNS; AWS driver only): confirms its subscription, hands two-way SMS events on")
    public Accepted receive(String body) {
        SnsInbound.Outcome outcome = inbound().accept(body);
        if (outcome instanceof SnsInbound.Notification n) {
            InboundTexts.Handled h = texts.handle(n.message());
            return new Accepted(h.outcome().name(), h.detail());
        }
        if (outcome instanceof SnsInbound.Confirmed c) {
            return new Accepted("CONFIRMED", "subscription to " + c.topicArn() + " confirmed");
        }
        return new Accepted("IGNORED", ((SnsInbound.Ignored) outcome).why());
    }

    private SnsInbound inbound() {
        if (!"aws".equals(config.driver())) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "not-found", null, "inbound SMS arrives through SNS on the AWS driver only");
        }
        SnsInbound current = inbound;
        if (current == null) {
            String topic = config.aws().oncallInboundTopicArn()
                    .orElseThrow(() -> new IllegalStateException("undersign.aws.oncall-inbound-topic-arn is not set"));
            SnsMessageManager verifier = SnsMessageManager.builder().httpClient(UrlConnectionHttpClient.create())
                    .region(Region.of(config.aws().region())).build();
            current = new SnsInbound(verifier, topic,
                    (arn, token) -> clients.sns().confirmSubscription(r -> r.topicArn(arn).token(token).authenticateOnUnsubscribe("true")));
            inbound = current;
        }
        return current;
    }
}
