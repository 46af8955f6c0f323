package io.undersign.controlplane.oncall;

import io.undersign.oncall.Rota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rota as stored, made into the on-call core's {@link Rota}. */
@ApplicationScoped
public class RotaStore {
    /** Overrides that ended longer ago than this no longer matter to "who is on call". */
    static final Duration OVERRIDE_HISTORY = Duration.ofDays(400);

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public Rota load(Instant now) {
        List<OncallMember> members = members();
        return new Rota(members.stream().map(OncallMember::toMember).collect(Collectors.toMap(m -> m.id(), Function.identity())),
                em.createQuery("from OncallRotation", OncallRotation.class).getResultList().stream().map(OncallRotation::toRotation).toList(),
                em.createQuery("from OncallOverride where endsAt > ?1 order by createdAt, id", OncallOverride.class)
                        .setParameter(1, now.minus(OVERRIDE_HISTORY)).getResultList().stream().map(OncallOverride::toOverride).toList(),
                members.stream().filter(m -> m.p2Subscriber).map(m -> m.id).collect(Collectors.toSet()));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<OncallMember> members() {
        return em.createQuery("from OncallMember order by id", OncallMember.class).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public java.util.Optional<OncallMember> memberByPhone(String e164) {
        return em.createQuery("from OncallMember where phone = ?1", OncallMember.class).setParameter(1, e164).getResultStream().findFirst();
    }

    /** Phones the P2 texts must reach. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Set<String> p2Phones() {
        return em.createQuery("select m.phone from OncallMember m where m.p2Subscriber = true", String.class).getResultStream()
                .collect(Collectors.toSet());
    }

    static Map<String, OncallMember> byId(List<OncallMember> members) {
        return members.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }
}
