package io.undersign.controlplane.edge;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Locale;

/**
 * When the tenant's runtime cannot be reached (it died and its supervisor has not restarted it
 * yet), the client gets the edge's 503 — a page or problem+json with Retry-After — instead of
 * the proxy's empty 502.
 */
final class RuntimeUnavailable implements ProxyInterceptor {
    static final String TITLE = "Temporarily unavailable";
    static final String DETAIL = "This service is restarting. Please try again in a few seconds; nothing you saved is lost.";

    private final RouteTable routes;

    RuntimeUnavailable(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(unreachable -> {
            HttpServerRequest client = context.request().proxiedRequest();
            String host = client.authority() == null ? "" : client.authority().host().toLowerCase(Locale.ROOT);
            RouteTable.Route route = routes.lookup(host).orElse(null);
            // rendered by the edge's own writer into a throwaway response, then handed to the proxy
            Rendered rendered = Rendered.of(route);
            ProxyResponse response = context.request().response().setStatusCode(503).setStatusMessage("Service Unavailable");
            response.headers().clear();
            response.headers().set("Content-Type", rendered.contentType()).set("Retry-After", "5")
                    .set("X-Content-Type-Options", "nosniff").set("X-Frame-Options", "DENY")
                    .set("Content-Security-Policy", EdgePages.CSP).set("Cache-Control", "no-store");
            response.setBody(Body.body(Buffer.buffer(rendered.body())));
            return Future.succeededFuture(response);
        });
    }

    private record Rendered(String contentType, String body) {
        static Rendered of(RouteTable.Route route) {
            if (route != null && "api".equals(route.kind())) {
                return new Rendered("application/problem+json", new io.vertx.core.json.JsonObject()
                        .put("type", "https://undersign.io/problems/runtime-unavailable").put("title", TITLE).put("status", 503)
                        .put("detail", DETAIL).encode());
            }
            return new Rendered("text/html; charset=utf-8", EdgePages.html(EdgePages.Brand.of(route), TITLE, DETAIL));
        }
    }
}
