package io.undersign.controlplane.broker;

import java.security.Principal;

/** A group a broker user belongs to; ACLs compare groups by name (record equality). */
record BrokerGroup(String name) implements Principal {

    static final BrokerGroup USERS = new BrokerGroup("users");
    static final BrokerGroup NOBODY = new BrokerGroup("nobody");

    static BrokerGroup ofTenant(String tenantId) {
        return new BrokerGroup("tenant:" + tenantId);
    }

    /** The tenant's evidence provider: its requests queue to read, its results queue to write. */
    static BrokerGroup ofProvider(String tenantId) {
        return new BrokerGroup("provider:" + tenantId);
    }

    @Override
    public String getName() {
        return name;
    }
}
