package io.undersign.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body larger than the application takes is refused before it is read, as problem+json naming
 * the body (Vert.x's own refusal is an empty 413). The limit is {@code undersign.http.max-body-size}
 * (else {@code quarkus.http.limits.max-body-size}, which Vert.x enforces on every body, declared
 * or streamed); paths under {@code undersign.http.large-body-paths} may send up to the Vert.x limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize vertxLimit;

    @ConfigProperty(name = "undersign.http.max-body-size")
    java.util.Optional<String> limit;

    @ConfigProperty(name = "undersign.http.large-body-paths")
    java.util.Optional<java.util.List<String>> largeBodyPaths;

    void install(@Observes Router router) {
        long largest = vertxLimit.asLongValue();
        long usual = limit.filter(l -> !l.isBlank()).map(l -> new io.quarkus.runtime.configuration.MemorySizeConverter().convert(l).asLongValue())
                .orElse(largest);
        java.util.List<String> large = largeBodyPaths.orElse(java.util.List.of());
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            String path = ctx.request().path();
            long max = large.stream().anyMatch(prefix -> path != null && path.startsWith(prefix)) ? largest : usual;
            if (length != null && tooLong(length, max)) {
                JsonObject problem = new JsonObject().put("type", Problem.TYPE_BASE + "body-too-large")
                        .put("title", "Content Too Large").put("status", 413)
                        .put("detail", "The request body is " + length + " bytes; at most " + max + " are accepted")
                        .put("instance", ctx.request().path()).put("field", "body");
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                        .end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
