package io.undersign.controlplane.oncall;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.incident.Incidents;
import io.undersign.oncall.Interval;
import io.undersign.oncall.Role;
import io.undersign.oncall.Rota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Warns of shifts nobody covers in the next days: one P2 incident per line while a gap stays, raised
 * by the platform, so the rota gets mended before the night it matters. Only once somebody is on the
 * rota at all: an empty rota has nobody to warn, and shows as such.
 */
@ApplicationScoped
public class CoverageCheck {
    @Inject
    RotaStore store;

    @Inject
    Incidents incidents;

    @Inject
    UndersignConfig config;

    @Inject
    Clock clock;

    public void check() {
        Instant now = clock.instant();
        Rota rota = store.load(now);
        if (rota.members().isEmpty()) {
            return;
        }
        for (Role role : List.of(Role.PRIMARY, Role.SECONDARY)) {
            List<Interval> gaps = rota.gaps(role, now, now.plus(config.oncall().coverageHorizon()));
            if (!gaps.isEmpty()) {
                Interval first = gaps.get(0);
                incidents.raise("oncall-uncovered:" + role.name().toLowerCase(Locale.ROOT), "P2", "Nobody is on call as "
                        + role.name().toLowerCase(Locale.ROOT) + " from " + first.start() + " to " + first.end()
                        + (gaps.size() > 1 ? " (and " + (gaps.size() - 1) + " more gap(s) in the next " + config.oncall().coverageHorizon().toDays() + " days)" : ""),
                        "oncall");
            }
        }
    }
}
