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
 * 1. round trip, one case at a time: case created (201, request in the outbox) → request
 *    received → result sent → new decision visible in the API; p50/p99 over N cases.
 * 2. sustained rate: M cases created while the provider is away, then all answered as fast as
 *    the broker delivers; results applied per second until the last case is decided again.
 * Usage: EvidenceLoad <runtime base url> <credentials.json> <case body.json> <N> <M>
 */
public class EvidenceLoad {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        JsonNode creds = JSON.readTree(Files.readString(Path.of(args[1])));
        String body = Files.readString(Path.of(args[2]));
        int n = Integer.parseInt(args[3]);
        int m = Integer.parseInt(args[4]);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(creds.get("brokerUrl").asText());
        factory.setUserName(creds.get("username").asText());
        factory.setPassword(creds.get("password").asText());
        Connection connection = factory.createConnection();
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer requests = session.createConsumer(session.createQueue(creds.get("requestsQueue").asText()));
        MessageProducer results = session.createProducer(session.createQueue(creds.get("resultsQueue").asText()));
        results.setDeliveryMode(DeliveryMode.PERSISTENT);

        // warm-up, then round trips one at a time
        List<Double> roundTrips = new ArrayList<>();
        for (int i = 0; i < n + 50; i++) {
            long t0 = System.nanoTime();
            String id = create(base, body);
            answer(session, results, requests.receive(10_000));
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
        long start = System.nanoTime();
        for (int i = 0; i < m; i++) {
            answer(session, results, requests.receive(30_000));
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            while (decisions(base, ids.get(i)) < 2) {
                Thread.sleep(5);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        connection.close();
        roundTrips.sort(Double::compare);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roundTrips", roundTrips.size());
        out.put("p50", roundTrips.get(roundTrips.size() / 2));
        out.put("p99", roundTrips.get((int) Math.ceil(roundTrips.size() * 0.99) - 1));
        out.put("max", roundTrips.get(roundTrips.size() - 1));
        out.put("backlog", m);
        out.put("resultsPerSecond", m / seconds);
        System.out.println(JSON.writeValueAsString(out));
    }

    static void answer(Session session, MessageProducer results, Message message) throws Exception {
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

    static int decisions(String base, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("decisions").asInt();
    }
}
