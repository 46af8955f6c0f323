package io.undersign.controlplane.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for the server-rendered interview through the edge: keeps cookies, reads
 * the CSRF token from the last page, posts forms, does not follow redirects (tests check them).
 */
public final class FormClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    public FormClient(String host) {
        this.host = host;
        this.http = Edge.client(host);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts the form fields (name, value pairs; a name may repeat) with the page's CSRF token. */
    public HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder(csrf == null ? "" : "csrf-token=" + enc(csrf));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return postRaw(path, body.toString());
    }

    public HttpResponse<String> postRaw(String path, String body) throws IOException, InterruptedException {
        HttpRequest r = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return remember(http.send(r, HttpResponse.BodyHandlers.ofString()));
    }

    public static String location(HttpResponse<?> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(Edge.uri(host, path))
                .header("Host", host).timeout(Duration.ofSeconds(10));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return b;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        for (String c : setCookies) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
