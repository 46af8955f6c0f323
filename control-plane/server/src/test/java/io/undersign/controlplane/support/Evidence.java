package io.undersign.controlplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.security.Role;
import io.undersign.evidence.simulator.Behaviour;
import io.undersign.evidence.simulator.EvidenceSimulator;
import java.time.Duration;

/** Evidence test fixtures: a case that waits for a blood profile, and a provider to answer it. */
public final class Evidence {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 36, non-smoker, healthy, £1m cover: the grid asks for a blood profile, nothing else. */
    private static final String NEEDS_BLOOD = """
            {"reference": "%s", "answers": {"date_of_birth": "1990-06-15", "sex": "female", "sum_assured": 1000000,
             "term_years": 25, "occupation_class": "1", "height_cm": 168, "weight_kg": 64, "smoker": false,
             "alcohol_units_per_week": 8, "hazardous_pursuits": [], "travel_advisory": "none", "asthma": false,
             "diabetes": false, "hypertension": false, "heart_condition": "none", "cancer_history": false,
             "mental_health": "none", "family_history_under_60": 0,
             "under_investigation": false, "hospital_admissions_12m": 0, "self_harm": "none"}}""";

    private Evidence() {
    }

    public static String onboarded(String prefix) {
        String id = Api.uniqueId(prefix);
        Api.onboard(id);
        return id;
    }

    /** Issues (rotates) the tenant's provider credentials through the admin API. */
    public static JsonNode providerCredentials(String tenant) throws Exception {
        return JSON.readTree(Api.as(Role.OPERATOR).post("/api/v1/tenants/" + tenant + "/evidence-provider/credentials")
                .then().statusCode(201).extract().asString());
    }

    public static EvidenceSimulator simulator(String tenant, Behaviour behaviour, Duration delay) throws Exception {
        JsonNode issued = providerCredentials(tenant);
        return new EvidenceSimulator(new EvidenceSimulator.Settings(issued.get("brokerUrl").asText(), issued.get("username").asText(),
                issued.get("password").asText(), tenant, delay, behaviour, Duration.ZERO)).start();
    }

    /** Creates a case that needs a blood profile; returns the API's answer. */
    public static JsonNode createPending(MtlsClient api, String reference) throws Exception {
        var created = api.send("POST", "/api/v1/cases", NEEDS_BLOOD.formatted(reference));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /** {@code count} cases that each wait for a blood profile, references {@code prefix}0, 1…; their ids. */
    public static java.util.List<String> createPending(MtlsClient api, String prefix, int count) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(createPending(api, prefix + i).get("id").asText());
        }
        return ids;
    }

    public static JsonNode get(MtlsClient api, String id) throws Exception {
        return JSON.readTree(api.get("/api/v1/cases/" + id).body());
    }

    /** How many decisions the case has had, or -1 while its runtime does not answer. */
    public static int decisions(MtlsClient api, String id) throws Exception {
        var response = api.get("/api/v1/cases/" + id);
        return response.status() == 200 ? JSON.readTree(response.body()).get("decisions").asInt() : -1;
    }

    /**
     * Each case reaches {@code count} decisions, then stays there for {@code quiet}: long enough for a
     * second copy of anything to have arrived. "Exactly once", checked throughout instead of after a sleep.
     */
    public static void decidedExactly(MtlsClient api, java.util.List<String> ids, int count, Duration quiet) {
        for (String id : ids) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> decisions(api, id) >= count);
        }
        org.awaitility.Awaitility.await().during(quiet).atMost(quiet.plusSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    for (String id : ids) {
                        if (decisions(api, id) != count) {
                            return false;
                        }
                    }
                    return true;
                });
        for (String id : ids) {
            try {
                assertThat(decisions(api, id)).as("case %s decided exactly %d times", id, count).isEqualTo(count);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
