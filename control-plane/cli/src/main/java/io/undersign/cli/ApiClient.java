package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Calls the admin API; every POST carries an Idempotency-Key so a retried command never acts twice. */
class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final CliConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(CliConfig config) {
        this.config = config;
    }

    JsonNode get(String path, Map<String, String> query) throws IOException, InterruptedException {
        return send(request(path + queryString(query)).GET().build());
    }

    JsonNode post(String path, Object body, String idempotencyKey) throws IOException, InterruptedException {
        String json = body == null ? "" : JSON.writeValueAsString(body);
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    JsonNode put(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** A POST whose body is a document of its own type (CSV, iCalendar, a provider's JSON event). */
    JsonNode postText(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A GET of a document that is not JSON (an HTML page); a problem is raised as from any call. */
    String getText(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request(path).setHeader("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(config.apiUrl(), e);
        }
        if (response.statusCode() >= 400) {
            throw ApiException.of(response.statusCode(), parse(response.body()), response.body());
        }
        return response.body();
    }

    JsonNode delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    /** {@code value} as one path segment: whatever an operator typed cannot reach another path. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The API's status for a POST, without raising on 4xx: for the calls whose refusal says what to do next. */
    int status(String path, Object body) throws IOException, InterruptedException {
        try {
            post(path, body, null);
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.apiUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (config.token() != null) {
            builder.header("Authorization", "Bearer " + config.token());
        }
        return builder;
    }

    /** The API did not answer: which URL, and what the network said. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String url, IOException cause) {
            super("cannot reach the Undersign API at " + url + ": " + describe(cause), cause);
        }

        private static String describe(IOException e) {
            if (e instanceof java.net.ConnectException) {
                return "connection refused (is the control plane running? ops/bin/local-up starts one)";
            }
            if (e instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(config.apiUrl(), e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 400) {
            throw ApiException.of(response.statusCode(), body, response.body());
        }
        return body;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String queryString(Map<String, String> query) {
        Map<String, String> present = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        if (present.isEmpty()) {
            return "";
        }
        return "?" + present.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
