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

/**
 * An underwriter's browser, cut down: signs in to a tenant's workbench through the real
 * authorization-code flow (the runtime redirects to the tenant's Keycloak realm, the login form is
 * posted there, the code comes back to the runtime), keeps the cookies of both sides, and posts the
 * workbench's forms with their CSRF token. Never follows redirects by itself.
 */
public final class Underwriter {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final HttpClient KEYCLOAK = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String host;
    private final HttpClient edge;
    private final Map<String, String> edgeCookies = new LinkedHashMap<>();
    private final Map<String, String> keycloakCookies = new LinkedHashMap<>();
    private String csrf;

    public Underwriter(String tenant) {
        this.host = "uw." + tenant + ".localhost";
        this.edge = Edge.client(host);
    }

    /** Signs in as {@code username}; returns the workbench page the flow ends on. */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> challenge = get("/workbench");
        if (challenge.statusCode() != 302) {
            throw new IllegalStateException("the workbench did not send to sign-in: HTTP " + challenge.statusCode() + " " + challenge.body());
        }
        HttpResponse<String> login = keycloak(HttpRequest.newBuilder(URI.create(location(challenge))).GET());
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (login.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("no login form at the identity provider: HTTP " + login.statusCode());
        }
        String action = form.group(1).replace("&amp;", "&");
        HttpResponse<String> posted = keycloak(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password) + "&credentialId=")));
        if (posted.statusCode() != 302) {
            throw new IllegalStateException("the identity provider did not accept " + username + ": HTTP " + posted.statusCode());
        }
        URI back = URI.create(location(posted));
        HttpResponse<String> callback = get(back.getRawPath() + "?" + back.getRawQuery());
        if (callback.statusCode() != 302) {
            throw new IllegalStateException("the code was not taken: HTTP " + callback.statusCode() + " " + callback.body());
        }
        return get(URI.create(location(callback)).getRawPath());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(edge.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts form fields (name, value pairs) with the last page's CSRF token. */
    public HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("csrf-token=" + enc(csrf == null ? "" : csrf));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return remember(edge.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** This person's workbench session cookie, to see what another tenant makes of it. */
    public Map<String, String> cookies() {
        return Map.copyOf(edgeCookies);
    }

    public void useCookies(Map<String, String> cookies) {
        edgeCookies.putAll(cookies);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no Location"));
    }

    private HttpRequest.Builder request(String path) {
        // the Host a browser sends, port included: the runtime builds its redirect address from it
        HttpRequest.Builder b = HttpRequest.newBuilder(Edge.uri(host, path)).header("Host", host + ":" + Edge.TLS_PORT)
                .timeout(Duration.ofSeconds(20));
        if (!edgeCookies.isEmpty()) {
            b.header("Cookie", cookieHeader(edgeCookies));
        }
        return b;
    }

    private HttpResponse<String> keycloak(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!keycloakCookies.isEmpty()) {
            request.header("Cookie", cookieHeader(keycloakCookies));
        }
        HttpResponse<String> response = KEYCLOAK.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        keep(response, keycloakCookies);
        return response;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        keep(response, edgeCookies);
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    private static void keep(HttpResponse<?> response, Map<String, String> jar) {
        List<String> set = response.headers().allValues("Set-Cookie");
        for (String cookie : set) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String cookieHeader(Map<String, String> jar) {
        StringBuilder b = new StringBuilder();
        jar.forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
