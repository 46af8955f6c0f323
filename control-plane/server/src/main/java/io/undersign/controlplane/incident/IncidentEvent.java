package io.undersign.controlplane.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an incident's timeline: raised, repeated, paged, passed over, acknowledged, resolved. */
@Entity
@Table(name = "incident_event")
public class IncidentEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public long incidentId;

    public Instant at;

    public String kind;

    public String detail;

    public String actor;
}
