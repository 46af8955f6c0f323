package io.undersign.controlplane.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The release new tenants onboard onto (schema migrated to its version, its runtime and rulebook
 * deployed), so that every tenant runs a release from its first day. None set: new tenants run the
 * control plane's own build, on no release, until a rollout moves them.
 */
@ApplicationScoped
public class DefaultRelease {
    static final String SETTING = "default-release";

    @Inject
    EntityManager em;

    @Inject
    ReleaseService releases;

    @Inject
    Clock clock;

    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<String> get() {
        return em.createNativeQuery("SELECT value FROM platform_setting WHERE name = ?1").setParameter(1, SETTING).getResultStream().findFirst()
                .map(Object::toString);
    }

    /** Makes {@code id} (which must exist) the default; setting it again changes nothing. */
    @Transactional
    public void set(String id, String actor) {
        releases.require(id);
        em.createNativeQuery("INSERT INTO platform_setting (name, value, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON DUPLICATE KEY UPDATE value = VALUES(value), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")
                .setParameter(1, SETTING).setParameter(2, id).setParameter(3, actor).setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
    }

    /** Clears the default if it is {@code id}; anything else is left as it is. */
    @Transactional
    public boolean clear(String id) {
        return em.createNativeQuery("DELETE FROM platform_setting WHERE name = ?1 AND value = ?2").setParameter(1, SETTING).setParameter(2, id)
                .executeUpdate() > 0;
    }
}
