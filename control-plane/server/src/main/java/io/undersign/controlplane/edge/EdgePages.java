package io.undersign.controlplane.edge;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * What the edge itself answers when it does not pass a request on: on interview hosts a page in
 * the tenant's name and colour, on api. hosts RFC 9457 problem+json; both with the headers a
 * browser needs to treat them safely (no sniffing, no framing, no scripts).
 */
final class EdgePages {
    private static final String DEFAULT_COLOUR = "#1f4e79";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private EdgePages() {
    }

    /** Who a page speaks for: the tenant's name and colour, or the platform when no tenant holds the host. */
    record Brand(String name, String colour) {
        static final Brand PLATFORM = new Brand("Undersign", DEFAULT_COLOUR);

        static Brand of(RouteTable.Route route) {
            if (route == null || route.displayName() == null) {
                return PLATFORM;
            }
            String colour = route.brandColour() != null && COLOUR.matcher(route.brandColour()).matches() ? route.brandColour() : DEFAULT_COLOUR;
            return new Brand(route.displayName(), colour);
        }
    }

    static void page(HttpServerResponse response, int status, Brand brand, String title, String message) {
        safeHeaders(response).setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html(brand, title, message));
    }

    static String html(Brand brand, String title, String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " — " + escape(brand.name()) + "</title><style>"
                + "body{margin:0;font-family:system-ui,sans-serif;color:#1b1b1b;background:#f6f7f9}"
                + "header{background:" + brand.colour() + ";color:#fff;padding:1rem 1.5rem}"
                + "header p{margin:0;font-weight:600;font-size:1.1rem}"
                + "main{max-width:40rem;margin:2rem auto;padding:0 1.5rem;line-height:1.5}h1{font-size:1.6rem}"
                + "</style></head><body><header><p>" + escape(brand.name()) + "</p></header><main><h1>" + escape(title)
                + "</h1><p>" + escape(message) + "</p></main></body></html>";
    }

    static void problem(HttpServerResponse response, int status, String type, String title, String detail, String field) {
        JsonObject body = new JsonObject().put("type", "https://undersign.io/problems/" + type).put("title", title)
                .put("status", status).put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        safeHeaders(response).setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }

    /** A page on interview hosts, a problem on api. hosts. */
    static void refuse(HttpServerResponse response, RouteTable.Route route, int status, String type, String title, String detail) {
        if (route != null && "api".equals(route.kind())) {
            problem(response, status, type, title, detail, null);
        } else {
            page(response, status, Brand.of(route), title, detail);
        }
    }

    static HttpServerResponse safeHeaders(HttpServerResponse response) {
        return response.putHeader("X-Content-Type-Options", "nosniff").putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", CSP).putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
