import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.evidence.simulator.SimulatedResults;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * Evidence benchmark driver (run by ops/bench/evidence.py with the simulator's jar on the class
 * path): acts as a provider that answers at once with the simulator's results.
 * 1. round trip, one case at a time: from the create call's 201 (the request committed to the
 *    outbox) → request published and received → result sent → new decision visible in the API;
 *    p50/p99 over N cases.
 * 2. sustained rate: M cases created while the provider is away, then all answered as fast as
 *    the broker delivers; results applied per second until the last case is decided again.
 * Usage: EvidenceLoad <runtime base url> <credentials.json> <case body.json> <N> <M> <admin api url> <admin token>
 */
public class EvidenceLoad {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            // the broker connection's threads would keep the JVM alive: fail, and say why
            System.err.println("EvidenceLoad: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        String base = args[0];
        JsonNode creds = JSON.readTree(Files.readString(Path.of(args[1])));
        String body = Files.readString(Path.of(args[2]));
        int n = Integer.parseInt(args[3]);
        int m = Integer.parseInt(args[4]);
        String adminUrl = args[5];
        String adminToken = args[6];
        String tenant = creds.get("tenantId").asText();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(creds.get("brokerUrl").asText());
        factory.setUserName(creds.get("username").asText());
        factory.setPassword(creds.get("password").asText());
        // the broker publishes no advisories and lets no tenant read them: do not subscribe to any
        factory.setWatchTopicAdvisories(false);
        Connection connection = factory.createConnection();
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer requests = session.createConsumer(session.createQueue(creds.get("requestsQueue").asText()));
        MessageProducer results = session.createProducer(session.createQueue(creds.get("resultsQueue").asText()));
        results.setDeliveryMode(DeliveryMode.PERSISTENT);

        // warm-up, then round trips one at a time
        List<Double> roundTrips = new ArrayList<>();
        int redelivered = 0;
        for (int i = 0; i < n + 50; i++) {
            String id = create(base, body);
            long t0 = System.nanoTime(); // the request is committed to the outbox; the publisher is on it
            // at-least-once: an earlier request may come again; answer it (a no-op) and wait for ours
            while (!id.equals(answer(session, results, requests.receive(10_000)))) {
                redelivered++;
            }
            while (decisions(base, id) < 2) {
                Thread.sleep(1); // polling granularity: at most 1 ms added
            }
            if (i >= 50) {
                roundTrips.add((System.nanoTime() - t0) / 1e6);
            }
        }
        // sustained: a backlog of M requests, then answered as fast as they come
        requests.close();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            ids.add(create(base, body));
        }
        Thread.sleep(2000); // the outbox publishes the backlog
        requests = session.createConsumer(session.createQueue(creds.get("requestsQueue").asText()));
        // a batch provider: results sent in transactions of 50 (one disk sync each, not one per result)
        Session batch = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer batchResults = batch.createProducer(batch.createQueue(creds.get("resultsQueue").asText()));
        batchResults.setDeliveryMode(DeliveryMode.PERSISTENT);
        long start = System.nanoTime();
        for (int i = 0; i < m; i++) {
            answer(batch, batchResults, requests.receive(30_000));
            if (i % 50 == 49 || i == m - 1) {
                batch.commit();
            }
        }
        // a result leaves the queue only when acknowledged, i.e. after its database commit
        while (resultsWaiting(adminUrl, adminToken, tenant) > 0) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String id : ids) {
            if (decisions(base, id) != 2) {
                throw new IllegalStateException("case " + id + " was not decided again exactly once");
            }
        }
        connection.close();
        roundTrips.sort(Double::compare);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roundTrips", roundTrips.size());
        out.put("p50", roundTrips.get(roundTrips.size() / 2));
        out.put("p99", roundTrips.get((int) Math.ceil(roundTrips.size() * 0.99) - 1));
        out.put("max", roundTrips.get(roundTrips.size() - 1));
        out.put("requestsSeenTwice", redelivered);
        out.put("backlog", m);
        out.put("resultsPerSecond", m / seconds);
        System.out.println(JSON.writeValueAsString(out));
    }

    /** Answers a request with the simulator's results; returns its case id. */
    static String answer(Session session, MessageProducer results, Message message) throws Exception {
        if (message == null) {
            throw new IllegalStateException("no evidence request arrived");
        }
        JsonNode request = JSON.readTree(((TextMessage) message).getText());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requestId", request.get("requestId").asText());
        result.put("caseId", request.get("caseId").asText());
        result.put("type", request.get("type").asText());
        result.put("results", SimulatedResults.of(request.get("requestId").asText(), request.get("type").asText()).orElseThrow());
        result.put("observedAt", Instant.now().toString());
        results.send(session.createTextMessage(JSON.writeValueAsString(result)));
        return request.get("caseId").asText();
    }

    static String create(String base, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    static long resultsWaiting(String adminUrl, String token, String tenant) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(adminUrl + "/api/v1/tenants/" + tenant))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).at("/evidenceQueues/results/depth").asLong();
    }

    static int decisions(String base, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("decisions").asInt();
    }
}
