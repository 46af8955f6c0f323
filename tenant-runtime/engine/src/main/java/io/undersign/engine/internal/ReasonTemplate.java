package io.undersign.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reason text split once into literal parts and {name} placeholders, so rendering needs no regex. */
final class ReasonTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final Map<String, ReasonTemplate> CACHE = new ConcurrentHashMap<>();

    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private ReasonTemplate(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            literals.add(text.substring(last, m.start()));
            names.add(m.group(1));
            last = m.end();
        }
        literals.add(text.substring(last));
    }

    static ReasonTemplate of(String text) {
        return CACHE.computeIfAbsent(text, ReasonTemplate::new);
    }

    String render(Map<String, Object> values, Function<Object, Object> display) {
        if (names.isEmpty()) {
            return literals.get(0);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append(literals.get(i));
            Object v = values.get(names.get(i));
            out.append(v == null ? "?" : display.apply(v));
        }
        return out.append(literals.get(names.size())).toString();
    }
}
