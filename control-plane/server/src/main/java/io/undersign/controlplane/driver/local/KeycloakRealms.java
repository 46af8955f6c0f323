package io.undersign.controlplane.driver.local;

import io.undersign.contract.WorkbenchRoles;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.IdentityRealms;
import io.undersign.controlplane.driver.TenantSpec;
import io.undersign.controlplane.secret.Passwords;
import io.undersign.controlplane.secret.SecretStore;
import io.undersign.controlplane.tenant.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * One Keycloak realm per tenant on the local identity provider, through Keycloak's admin client:
 * the three underwriting roles, one confidential client for the tenant's workbench (authorization
 * code with PKCE, redirects to the tenant's own host only), and on request demo underwriters.
 * Every call converges on what should be there, so a retried step finds and reuses its realm.
 */
@ApplicationScoped
@Typed(KeycloakRealms.class)
public class KeycloakRealms implements IdentityRealms {
    /** A shared team group: membership in it confers nothing (authority comes from a person's own roles). */
    static final String TEAM_GROUP = "underwriting-team";

    private static final List<DemoPerson> DEMO_PEOPLE = List.of(
            new DemoPerson("ada.lovell", "Ada", "Lovell", WorkbenchRoles.UNDERWRITER),
            new DemoPerson("ben.okafor", "Ben", "Okafor", WorkbenchRoles.SENIOR_UNDERWRITER),
            new DemoPerson("dev.patel", "Dev", "Patel", WorkbenchRoles.SENIOR_UNDERWRITER),
            new DemoPerson("cleo.marsh", "Cleo", "Marsh", WorkbenchRoles.CHIEF_UNDERWRITER));

    private record DemoPerson(String username, String first, String last, String role) {
    }

    @Inject
    UndersignConfig config;

    @Inject
    SecretStore secrets;

    @Override
    public Map<String, String> register(TenantSpec tenant) {
        if (config.identity().keycloakUrl().isEmpty()) {
            return Map.of("identity", "none: no identity provider is configured (undersign.identity.keycloak-url), the workbench stays closed");
        }
        String realmName = TenantNames.realm(tenant.id());
        try (Keycloak keycloak = admin()) {
            RealmResource realm = ensureRealm(keycloak, realmName, tenant);
            for (String role : WorkbenchRoles.ALL) {
                ensureRole(realm, role);
            }
            ensureGroup(realm);
            ensureClient(realm, tenant, clientSecret(tenant));
        }
        return Map.of("realm", realmName, "issuer", issuer(tenant), "clientId", WorkbenchRoles.CLIENT_ID);
    }

    @Override
    public Map<String, String> remove(TenantSpec tenant) {
        if (config.identity().keycloakUrl().isEmpty()) {
            return Map.of("identity", "none configured");
        }
        String realmName = TenantNames.realm(tenant.id());
        String removed;
        try (Keycloak keycloak = admin()) {
            try {
                keycloak.realm(realmName).remove();
                removed = "removed";
            } catch (WebApplicationException e) {
                requireNotFound(e);
                removed = "already gone";
            }
        }
        secrets.delete(TenantNames.oidcClientSecret(tenant.id()));
        for (DemoPerson person : DEMO_PEOPLE) {
            secrets.delete(TenantNames.demoUnderwriterPassword(tenant.id(), person.username()));
        }
        return Map.of("realm", realmName, "result", removed);
    }

    @Override
    public Optional<SignIn> signIn(TenantSpec tenant) {
        if (config.identity().keycloakUrl().isEmpty()) {
            return Optional.empty();
        }
        return secrets.get(TenantNames.oidcClientSecret(tenant.id()))
                .map(secret -> new SignIn(issuer(tenant), WorkbenchRoles.CLIENT_ID, secret));
    }

    @Override
    public List<DemoUnderwriter> demoUnderwriters(TenantSpec tenant) {
        if (config.identity().keycloakUrl().isEmpty()) {
            throw new IllegalStateException("no identity provider is configured (undersign.identity.keycloak-url)");
        }
        // converges the realm too: a tenant onboarded before its realm existed gets one here
        register(tenant);
        List<DemoUnderwriter> made = new ArrayList<>();
        try (Keycloak keycloak = admin()) {
            RealmResource realm = keycloak.realm(TenantNames.realm(tenant.id()));
            String team = ensureGroup(realm);
            for (DemoPerson person : DEMO_PEOPLE) {
                String password = secrets.getOrCreate(TenantNames.demoUnderwriterPassword(tenant.id(), person.username()), Passwords::generate);
                ensureUser(realm, tenant, person, password, team);
                made.add(new DemoUnderwriter(person.username(), password, person.first() + " " + person.last(), person.role()));
            }
        }
        return made;
    }

    private String issuer(TenantSpec tenant) {
        String base = config.identity().keycloakUrl().orElseThrow().toString().replaceAll("/+$", "");
        return base + "/realms/" + TenantNames.realm(tenant.id());
    }

    private String clientSecret(TenantSpec tenant) {
        return secrets.getOrCreate(TenantNames.oidcClientSecret(tenant.id()), Passwords::generate);
    }

    private Keycloak admin() {
        return KeycloakBuilder.builder()
                .serverUrl(config.identity().keycloakUrl().orElseThrow().toString())
                .realm("master").clientId("admin-cli").grantType("password")
                .username(config.identity().keycloakAdminUser())
                .password(config.identity().keycloakAdminPassword()
                        .orElseThrow(() -> new IllegalStateException("undersign.identity.keycloak-admin-password is not set")))
                .build();
    }

    private static RealmResource ensureRealm(Keycloak keycloak, String name, TenantSpec tenant) {
        RealmResource realm = keycloak.realm(name);
        try {
            realm.toRepresentation();
        } catch (WebApplicationException e) {
            requireNotFound(e);
            RealmRepresentation rep = new RealmRepresentation();
            rep.setRealm(name);
            rep.setEnabled(true);
            rep.setDisplayName(tenant.displayName());
            rep.setBruteForceProtected(true);
            rep.setPasswordPolicy("length(12) and notUsername");
            rep.setRegistrationAllowed(false);
            rep.setSslRequired("external");
            keycloak.realms().create(rep);
        }
        return realm;
    }

    private static void ensureRole(RealmResource realm, String role) {
        try {
            realm.roles().get(role).toRepresentation();
        } catch (WebApplicationException e) {
            requireNotFound(e);
            RoleRepresentation rep = new RoleRepresentation();
            rep.setName(role);
            rep.setDescription("Undersign workbench: " + role);
            realm.roles().create(rep);
        }
    }

    private static String ensureGroup(RealmResource realm) {
        Optional<GroupRepresentation> found = realm.groups().groups(TEAM_GROUP, true, 0, 1, true).stream()
                .filter(g -> TEAM_GROUP.equals(g.getName())).findFirst();
        if (found.isPresent()) {
            return found.get().getId();
        }
        GroupRepresentation rep = new GroupRepresentation();
        rep.setName(TEAM_GROUP);
        try (Response created = realm.groups().add(rep)) {
            return createdId(created, "group " + TEAM_GROUP);
        }
    }

    /** The workbench client, converged to the stored secret and the tenant's own redirect. */
    private void ensureClient(RealmResource realm, TenantSpec tenant, String secret) {
        String base = "https://" + tenant.interviewHost() + (config.edge().tlsPort() == 443 ? "" : ":" + config.edge().tlsPort());
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(WorkbenchRoles.CLIENT_ID);
        rep.setName("Undersign workbench");
        rep.setProtocol("openid-connect");
        rep.setEnabled(true);
        rep.setPublicClient(false);
        rep.setClientAuthenticatorType("client-secret");
        rep.setSecret(secret);
        rep.setStandardFlowEnabled(true);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setServiceAccountsEnabled(false);
        rep.setRootUrl(base);
        rep.setRedirectUris(List.of(base + "/workbench/*"));
        rep.setWebOrigins(List.of(base));
        rep.setAttributes(Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", base + "/workbench/*"));
        List<ClientRepresentation> existing = realm.clients().findByClientId(WorkbenchRoles.CLIENT_ID);
        if (existing.isEmpty()) {
            rep.setProtocolMappers(List.of(impersonatorMapper("IMPERSONATOR_ID", WorkbenchRoles.IMPERSONATOR_CLAIM + ".id"),
                    impersonatorMapper("IMPERSONATOR_USERNAME", WorkbenchRoles.IMPERSONATOR_CLAIM + ".username")));
            realm.clients().create(rep).close();
        } else {
            rep.setId(existing.get(0).getId());
            realm.clients().get(rep.getId()).update(rep);
        }
    }

    /** Puts who is impersonating into the tokens, so the workbench can refuse decisions made on someone's behalf. */
    private static ProtocolMapperRepresentation impersonatorMapper(String note, String claim) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(claim);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-usersessionmodel-note-mapper");
        mapper.setConfig(Map.of("user.session.note", note, "claim.name", claim, "jsonType.label", "String",
                "id.token.claim", "true", "access.token.claim", "true"));
        return mapper;
    }

    private static void ensureUser(RealmResource realm, TenantSpec tenant, DemoPerson person, String password, String team) {
        List<UserRepresentation> found = realm.users().searchByUsername(person.username(), true);
        String id;
        if (found.isEmpty()) {
            UserRepresentation rep = new UserRepresentation();
            rep.setUsername(person.username());
            rep.setFirstName(person.first());
            rep.setLastName(person.last());
            rep.setEmail(person.username() + "@" + tenant.id() + ".example");
            rep.setEmailVerified(true);
            rep.setEnabled(true);
            try (Response created = realm.users().create(rep)) {
                id = createdId(created, "user " + person.username());
            }
        } else {
            id = found.get(0).getId();
        }
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setTemporary(false);
        credential.setValue(password);
        realm.users().get(id).resetPassword(credential);
        realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(person.role()).toRepresentation()));
        realm.users().get(id).joinGroup(team);
    }

    /** The admin client reports a missing realm, role or user as a 404; anything else is a real failure. */
    private static void requireNotFound(WebApplicationException e) {
        if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
            throw e;
        }
    }

    private static String createdId(Response created, String what) {
        if (created.getStatus() != 201) {
            throw new IllegalStateException("Keycloak refused to make " + what + ": HTTP " + created.getStatus());
        }
        String path = created.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
