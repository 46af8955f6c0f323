package io.undersign.controlplane.oncall;

import io.undersign.oncall.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A call or a text the platform sent (or held back), and what came of it. */
@Entity
@Table(name = "oncall_delivery")
public class OncallDelivery {
    public enum Channel {
        VOICE, SMS
    }

    public enum Status {
        /** recorded, not yet handed to the provider */
        QUEUED,
        /** a call placed, nobody answered yet */
        RINGING,
        /** a text handed to the provider */
        SENT,
        /** answered without acknowledging */
        ANSWERED,
        /** answered and acknowledged (keypad 1) */
        ACKNOWLEDGED,
        /** the escalation moved on without an answer */
        NO_ANSWER,
        /** not sent: the month's SMS budget is spent */
        HELD,
        /** the provider refused it */
        FAILED
    }

    @Id
    public String id;

    @Column(name = "incident_id")
    public Long incidentId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "member_id")
    public String memberId;

    public String address;

    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "provider_ref")
    public String providerRef;

    public String detail;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A new delivery to {@code member}'s phone, not yet stored. */
    static OncallDelivery to(Long incidentId, Channel channel, Role role, String memberId, String address, String body, Status status, Instant now) {
        OncallDelivery d = new OncallDelivery();
        d.id = java.util.UUID.randomUUID().toString();
        d.incidentId = incidentId;
        d.channel = channel;
        d.role = role;
        d.memberId = memberId;
        d.address = address;
        d.body = body;
        d.status = status;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }
}
