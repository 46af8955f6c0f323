package io.undersign.controlplane.oncall;

import io.undersign.oncall.Role;
import io.undersign.oncall.Rotation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "oncall_rotation")
public class OncallRotation {
    @Id
    @Enumerated(EnumType.STRING)
    public Role role;

    /** Member ids in hand-over order, comma-separated (ids never hold a comma). */
    public String members;

    @Column(name = "first_handover")
    public LocalDate firstHandover;

    @Column(name = "handover_time")
    public LocalTime handoverTime;

    public String zone;

    @Column(name = "shift_days")
    public int shiftDays;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> memberIds() {
        return Arrays.asList(members.split(","));
    }

    public Rotation toRotation() {
        return new Rotation(role.name().toLowerCase(java.util.Locale.ROOT), role, memberIds(), firstHandover, handoverTime, ZoneId.of(zone), shiftDays);
    }
}
