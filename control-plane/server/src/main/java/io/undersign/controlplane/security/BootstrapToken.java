package io.undersign.controlplane.security;

import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.config.UndersignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Makes sure the configured bootstrap admin token works (the local platform hands it to the CLI). */
@ApplicationScoped
public class BootstrapToken {

    @Inject
    UndersignConfig config;

    @Inject
    TokenService tokens;

    void ensure(@Observes StartupEvent event) {
        config.bootstrapAdminToken().filter(t -> !t.isBlank())
                .ifPresent(token -> tokens.ensure(token, "bootstrap-admin", Role.ADMIN));
    }
}
