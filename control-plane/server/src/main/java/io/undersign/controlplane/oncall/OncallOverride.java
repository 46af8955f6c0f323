package io.undersign.controlplane.oncall;

import io.undersign.oncall.Override;
import io.undersign.oncall.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "oncall_override")
public class OncallOverride {
    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public Override toOverride() {
        return new Override(id, role, memberId, startsAt, endsAt, reason);
    }
}
