package io.undersign.controlplane.oncall;

import io.undersign.oncall.Member;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

@Entity
@Table(name = "oncall_member")
public class OncallMember {
    @Id
    public String id;

    public String name;

    /** E.164, as {@link io.undersign.oncall.PhoneNumbers} made it. */
    public String phone;

    public String email;

    public String zone;

    /** Gets the P2 texts (and so is subscribed to the SMS topic). */
    @Column(name = "p2_subscriber")
    public boolean p2Subscriber;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Member toMember() {
        return new Member(id, name, phone, email, ZoneId.of(zone));
    }
}
