package io.undersign.controlplane.broker;

import java.util.Arrays;
import java.util.Set;
import org.apache.activemq.command.ActiveMQDestination;
import org.apache.activemq.security.AuthorizationMap;

/**
 * Tenant isolation on the broker: a destination {@code undersign.<tenant>.…} belongs to that
 * tenant's group only; advisory topics and temporary destinations to every authenticated user;
 * anything else (including wildcards spanning tenants) to nobody.
 */
class TenantAuthorizationMap implements AuthorizationMap {
    private static final String PREFIX = "undersign.";
    private static final Set<BrokerGroup> NOBODY = Set.of(BrokerGroup.NOBODY);
    private static final Set<BrokerGroup> USERS = Set.of(BrokerGroup.USERS);

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

    @Override
    public Set<?> getAdminACLs(ActiveMQDestination destination) {
        return aclFor(destination);
    }

    @Override
    public Set<?> getReadACLs(ActiveMQDestination destination) {
        return aclFor(destination);
    }

    @Override
    public Set<?> getWriteACLs(ActiveMQDestination destination) {
        return aclFor(destination);
    }

    private static Set<BrokerGroup> aclFor(ActiveMQDestination destination) {
        if (destination.isComposite()) {
            // every part must belong to the same single tenant
            Set<BrokerGroup> first = null;
            for (ActiveMQDestination part : Arrays.asList(destination.getCompositeDestinations())) {
                Set<BrokerGroup> acl = aclFor(part);
                if (first == null) {
                    first = acl;
                } else if (!first.equals(acl)) {
                    return NOBODY;
                }
            }
            return first == null ? NOBODY : first;
        }
        String name = destination.getPhysicalName();
        if (destination.isTopic() && name.startsWith("ActiveMQ.Advisory.")) {
            return USERS;
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
        return Set.of(BrokerGroup.ofTenant(tenantId));
    }
}
