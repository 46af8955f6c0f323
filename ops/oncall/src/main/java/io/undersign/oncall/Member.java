package io.undersign.oncall;

import java.time.ZoneId;
import java.util.Objects;

/** Someone on the rota: how to reach them, and the zone their day runs in. */
public record Member(String id, String name, String phone, String email, ZoneId zone) {
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(zone, "zone");
    }
}
