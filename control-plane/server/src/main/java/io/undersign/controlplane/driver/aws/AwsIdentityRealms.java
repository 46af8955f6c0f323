package io.undersign.controlplane.driver.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.contract.SiloNames;
import io.undersign.controlplane.driver.IdentityRealms;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * On AWS the insurer signs its underwriters in with its own identity provider: the operator puts its
 * issuer, client id and secret in the tenant's secret {@code undersign/<tenant>/oidc} (runbook), the
 * runtime's boot reads it, and this step checks that the issuer answers with its own discovery
 * document before the runtime is deployed. No secret: the workbench stays closed.
 */
@ApplicationScoped
@Typed(AwsIdentityRealms.class)
public class AwsIdentityRealms implements IdentityRealms {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AwsClients clients;

    @Override
    public Map<String, String> register(TenantSpec tenant) throws Exception {
        Optional<SignIn> signIn = signIn(tenant);
        if (signIn.isEmpty()) {
            return Map.of("identity", "none: " + SiloNames.oidcSecret(tenant.id()) + " is not set, the workbench stays closed");
        }
        String issuer = signIn.get().issuer();
        URI discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the tenant's identity provider " + discovery + " answered HTTP " + answer.statusCode());
        }
        String named = json.readTree(answer.body()).path("issuer").asText("");
        if (!named.equals(issuer)) {
            throw new IllegalStateException("the tenant's identity provider calls itself '" + named + "', not '" + issuer + "'");
        }
        return Map.of("issuer", issuer, "clientId", signIn.get().clientId());
    }

    /** The insurer's directory is the insurer's: nothing of it is the platform's to remove. */
    @Override
    public Map<String, String> remove(TenantSpec tenant) {
        new TenantSecrets(clients.secretsManager(tenant.region())).remove(SiloNames.oidcSecret(tenant.id()));
        return Map.of("identity", "the tenant's sign-in settings are scheduled for deletion");
    }

    @Override
    public Optional<SignIn> signIn(TenantSpec tenant) {
        JsonNode value;
        try {
            value = new TenantSecrets(clients.secretsManager(tenant.region())).read(SiloNames.oidcSecret(tenant.id()));
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        }
        String issuer = value.path("issuer").asText("");
        if (!issuer.startsWith("https://") || issuer.contains("$")) {
            throw new IllegalStateException(SiloNames.oidcSecret(tenant.id()) + ": issuer must be an https URL");
        }
        return Optional.of(new SignIn(issuer, value.path("clientId").asText(), value.path("clientSecret").asText()));
    }

    @Override
    public List<DemoUnderwriter> demoUnderwriters(TenantSpec tenant) {
        throw new UnsupportedOperationException("on AWS the insurer's own directory holds its underwriters; there are no demo ones");
    }
}
