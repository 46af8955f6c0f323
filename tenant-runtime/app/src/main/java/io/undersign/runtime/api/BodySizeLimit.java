package io.undersign.runtime.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body larger than the runtime takes is refused before it is read, as problem+json naming the
 * body (Vert.x's own refusal is an empty 413). Locally the edge refuses it first; on AWS the
 * API's load balancer passes it on to here.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19 && Long.parseLong(length) > max) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json").putHeader("Connection", "close")
                        .end(new JsonObject().put("type", "https://undersign.io/problems/body-too-large").put("title", "Content Too Large")
                                .put("status", 413).put("detail", "The request body is " + length + " bytes; at most " + max + " are accepted")
                                .put("instance", ctx.request().path()).put("field", "body").encode());
                return;
            }
            ctx.next();
        });
    }
}
