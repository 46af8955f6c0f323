package io.undersign.runtime.broker;

import jakarta.jms.Connection;

/** The broker connection is up (fired once; the failover transport keeps it up afterwards). */
public record BrokerReady(Connection connection) {
}
