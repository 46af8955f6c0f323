package io.undersign.controlplane.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something the platform raised for its operators; one open per key, repeats counted. */
@Entity
@Table(name = "incident")
// only the columns a transaction changed: paging, acknowledgements and repeats each write their own
@org.hibernate.annotations.DynamicUpdate
public class Incident {
    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String RESOLVED = "RESOLVED";
    /** Still open: a repeat of its key counts on it, never a second page. */
    public static final java.util.List<String> OPEN_STATES = java.util.List.of(OPEN, ACKNOWLEDGED);

    /**
     * How far paging got: PENDING (not yet tried), PAGED, EXHAUSTED (every line called), UNROUTED (nobody to
     * reach), INHIBITED (a P2 about what an open P1 already covers: recorded, not paged), ACKNOWLEDGED.
     */
    public enum Routing {
        PENDING, PAGED, EXHAUSTED, UNROUTED, INHIBITED, ACKNOWLEDGED
    }

    /**
     * What the incident is about, for inhibition: the second part of a platform key ({@code runtime-down:acme}
     * and {@code dead-letters:acme} are both about acme); none for keys of one part.
     */
    public static java.util.Optional<String> subjectOf(String key) {
        String[] parts = key.split(":", 3);
        return parts.length >= 2 && !parts[1].isBlank() && !parts[0].equals("alertmanager") ? java.util.Optional.of(parts[1]) : java.util.Optional.empty();
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_key")
    public String key;

    public String priority;

    public String summary;

    public String source;

    public String status;

    public int occurrences;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What a rota member texts back ({@code ACK <code>}) to acknowledge it. */
    @Column(name = "ack_code")
    public String ackCode;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Routing routing = Routing.PENDING;

    @Column(name = "escalation_step")
    public int escalationStep;

    /** When paging looks at it again; null once nothing more is due. Kept in epoch milliseconds (see V14). */
    @Column(name = "next_escalation_ms")
    @jakarta.persistence.Convert(converter = EpochMillis.class)
    public Instant nextEscalationAt;

    @Column(name = "paged_anyone")
    public boolean pagedAnyone;

    public boolean isOpen() {
        return OPEN_STATES.contains(status);
    }
}
