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
public class Incident {
    public static final String OPEN = "OPEN";

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
}
