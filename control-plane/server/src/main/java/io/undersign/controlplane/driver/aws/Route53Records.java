package io.undersign.controlplane.driver.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * A tenant's alias records in the platform's hosted zone: UPSERT (so repeating is harmless) and
 * DELETE of exactly what is there (so deleting what is gone is harmless), each waited on until
 * Route 53 reports the change INSYNC.
 */
public final class Route53Records {
    private final Route53Client route53;
    private final Duration pollInterval;
    private final Duration timeout;

    /** {@code name} → an ALB or NLB ({@code targetDns} in {@code targetZoneId}). */
    public record Alias(String name, String targetDns, String targetZoneId) {
    }

    public Route53Records(Route53Client route53, Duration pollInterval, Duration timeout) {
        this.route53 = route53;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Creates or updates the aliases in one change batch; returns the change id once INSYNC. */
    public String upsert(String zoneId, List<Alias> aliases, String comment) {
        List<Change> changes = aliases.stream().map(a -> Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(
                ResourceRecordSet.builder().name(a.name()).type(RRType.A).aliasTarget(AliasTarget.builder()
                        .dnsName(a.targetDns()).hostedZoneId(a.targetZoneId()).evaluateTargetHealth(true).build()).build()).build())
                .toList();
        return apply(zoneId, changes, comment);
    }

    /** Deletes whichever of these A records exist; returns how many there were. */
    public int delete(String zoneId, List<String> names, String comment) {
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            current(zoneId, name).ifPresent(set -> changes.add(Change.builder().action(ChangeAction.DELETE).resourceRecordSet(set).build()));
        }
        if (!changes.isEmpty()) {
            apply(zoneId, changes, comment);
        }
        return changes.size();
    }

    /** The A record set of exactly this name, as Route 53 holds it (a DELETE must match it). */
    public Optional<ResourceRecordSet> current(String zoneId, String name) {
        String fqdn = name.endsWith(".") ? name : name + ".";
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId).startRecordName(name).startRecordType(RRType.A).maxItems("1"))
                .resourceRecordSets().stream()
                .filter(s -> s.type() == RRType.A && s.name().equalsIgnoreCase(fqdn))
                .findFirst();
    }

    private String apply(String zoneId, List<Change> changes, String comment) {
        ChangeInfo info = route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                .changeBatch(b -> b.comment(comment).changes(changes))).changeInfo();
        int attempts = (int) Math.max(1, timeout.toMillis() / Math.max(1, pollInterval.toMillis()));
        route53.waiter().waitUntilResourceRecordSetsChanged(r -> r.id(info.id()), w -> w
                .maxAttempts(attempts).backoffStrategy(FixedDelayBackoffStrategy.create(pollInterval)));
        return info.id();
    }
}
