package io.undersign.controlplane.broker;

import io.undersign.contract.EvidenceQueues;
import java.util.Arrays;
import java.util.Set;
import org.apache.activemq.command.ActiveMQDestination;
import org.apache.activemq.security.AuthorizationMap;

/**
 * Tenant isolation on the broker: a destination {@code undersign.<tenant>.…} belongs to that
 * tenant's group only; temporary destinations to every authenticated user; anything else
 * (advisory topics, which would tell one tenant of another's connections, users, addresses and
 * queues, and wildcards spanning tenants) to nobody. The broker publishes no advisories at all;
 * the two temporary-destination advisories that ActiveMQ clients subscribe to by default may
 * be read (and stay empty), so a provider's client works at its defaults.
 */
class TenantAuthorizationMap implements AuthorizationMap {
    private static final String PREFIX = "undersign.";
    private static final Set<BrokerGroup> NOBODY = Set.of(BrokerGroup.NOBODY);
    private static final Set<BrokerGroup> USERS = Set.of(BrokerGroup.USERS);
    private static final Set<String> TEMP_ADVISORIES = Set.of("ActiveMQ.Advisory.TempQueue", "ActiveMQ.Advisory.TempTopic");

    @Override
    public Set<?> getTempDestinationAdminACLs() {
        return USERS;
    }

    @Override
    public Set<?> getTempDestinationReadACLs() {
        return USERS;
    }

    @Override
    public Set<?> getTempDestinationWriteACLs() {
        return USERS;
    }

    /** What a user wants to do with a destination. */
    enum Access { ADMIN, READ, WRITE }

    @Override
    public Set<?> getAdminACLs(ActiveMQDestination destination) {
        return aclFor(destination, Access.ADMIN);
    }

    @Override
    public Set<?> getReadACLs(ActiveMQDestination destination) {
        return aclFor(destination, Access.READ);
    }

    @Override
    public Set<?> getWriteACLs(ActiveMQDestination destination) {
        return aclFor(destination, Access.WRITE);
    }

    static Set<BrokerGroup> aclFor(ActiveMQDestination destination, Access access) {
        if (destination.isComposite()) {
            // every part must allow the same groups
            Set<BrokerGroup> first = null;
            for (ActiveMQDestination part : Arrays.asList(destination.getCompositeDestinations())) {
                Set<BrokerGroup> acl = aclFor(part, access);
                if (first == null) {
                    first = acl;
                } else if (!first.equals(acl)) {
                    return NOBODY;
                }
            }
            return first == null ? NOBODY : first;
        }
        String name = destination.getPhysicalName();
        if (destination.isTopic() && TEMP_ADVISORIES.contains(name)) {
            // ActiveMQ clients subscribe to these by default; the broker publishes no advisories, so they stay empty
            return access == Access.READ ? USERS : NOBODY;
        }
        if (!name.startsWith(PREFIX)) {
            return NOBODY;
        }
        int end = name.indexOf('.', PREFIX.length());
        if (end < 0) {
            return NOBODY;
        }
        String tenantId = name.substring(PREFIX.length(), end);
        if (tenantId.isEmpty() || tenantId.contains("*") || tenantId.contains(">")) {
            return NOBODY;
        }
        BrokerGroup tenant = BrokerGroup.ofTenant(tenantId);
        if (destination.isQueue() && providerMay(name.substring(end + 1), access)) {
            return Set.of(tenant, BrokerGroup.ofProvider(tenantId));
        }
        return Set.of(tenant);
    }

    /** The evidence provider reads its tenant's requests and writes its results, nothing more. */
    private static boolean providerMay(String queue, Access access) {
        if (queue.equals(EvidenceQueues.REQUESTS)) {
            return access != Access.WRITE;
        }
        return queue.equals(EvidenceQueues.RESULTS) && access != Access.READ;
    }
}
