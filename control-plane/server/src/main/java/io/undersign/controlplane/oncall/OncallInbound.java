package io.undersign.controlplane.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An inbound text already handled: a second delivery of the same message changes nothing. */
@Entity
@Table(name = "oncall_inbound")
public class OncallInbound {
    @Id
    @Column(name = "inbound_message_id")
    public String inboundMessageId;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String origination;

    public String outcome;

    public String detail;
}
