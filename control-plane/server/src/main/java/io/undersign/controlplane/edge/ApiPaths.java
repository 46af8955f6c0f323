package io.undersign.controlplane.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Whether a request path would reach the runtime's integrator API once the runtime has decoded
 * and matched it. The interview's doors refuse such paths: the API is only for callers that
 * passed mutual TLS. Judged on the path as the runtime will see it (percent-decoded, dot
 * segments, repeated slashes and matrix parameters removed), so an encoded spelling of
 * {@code /api/} cannot slip past.
 */
final class ApiPaths {
    private ApiPaths() {
    }

    static boolean reachesApi(String rawPath) {
        return "api".equals(firstSegment(rawPath));
    }

    /** Whether the path reaches the runtime's own endpoints ({@code /q/…}), judged the same way. */
    static boolean reachesInternal(String rawPath) {
        return "q".equals(firstSegment(rawPath));
    }

    /** The first segment as the runtime will match it; {@code "api"} for a path no one can read (refused rather than guessed at). */
    private static String firstSegment(String rawPath) {
        String path = rawPath == null ? "/" : rawPath;
        try {
            for (int round = 0; round < 3 && path.indexOf('%') >= 0; round++) {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException malformed) {
            return "api";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            int matrix = segment.indexOf(';');
            String name = (matrix >= 0 ? segment.substring(0, matrix) : segment).toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(name);
            }
        }
        return segments.peekFirst();
    }
}
