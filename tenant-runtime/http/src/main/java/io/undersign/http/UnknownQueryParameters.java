package io.undersign.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the endpoint does not take is a 400 naming it, not silently ignored: a client
 * that misspells {@code status} or filters by something unsupported must not get an unfiltered
 * list back as if it were the answer. APIs only ({@code /api/…}): a page for people keeps working
 * with whatever a link adds to it (a campaign tag).
 */
public class UnknownQueryParameters {
    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/") || request.getUriInfo().getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!taken.contains(name)) {
                throw new InvalidParameterException(name, "Unknown query parameter '" + name + "'"
                        + (taken.isEmpty() ? "; this endpoint takes none" : "; known: " + String.join(", ", new java.util.TreeSet<>(taken))));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return names;
    }
}
