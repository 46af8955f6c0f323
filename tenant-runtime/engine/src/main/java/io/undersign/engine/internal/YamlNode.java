package io.undersign.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A YAML node with its path, reading typed values and reporting what is wrong with them. */
final class YamlNode {
    private final JsonNode node;
    private final String path;
    private final Problems problems;

    YamlNode(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        return node != null && node.hasNonNull(field);
    }

    YamlNode get(String field) {
        return new YamlNode(node == null ? null : node.get(field), at(field), problems);
    }

    boolean isMissing() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** Reports keys this node does not know: catches typos such as {@code ask_when}. */
    void allowOnly(Set<String> known) {
        if (node == null || !node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(at(name), "unknown key '" + name + "'; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    String text(String field, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(at(field), "is required");
            }
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(at(field), "must be a single value");
            return null;
        }
        if (!value.isTextual()) {
            // a label of 1 or true would be shown as "1" or "true": text must be written as text
            problems.add(at(field), "must be text, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " (quote it: '" + value.asText() + "')");
            return null;
        }
        return value.asText();
    }

    Double number(String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(at(field), "must be a number, not '" + value.asText() + "'");
            return null;
        }
        return value.asDouble();
    }

    int integer(String field, int fallback) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problems.add(at(field), "must be a whole number");
            return fallback;
        }
        return value.asInt();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(at(field), "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    List<YamlNode> list(String field, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        List<YamlNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(at(field), "is required");
            }
            return items;
        }
        if (!value.isArray()) {
            problems.add(at(field), "must be a list");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            items.add(new YamlNode(value.get(i), at(field) + "[" + i + "]", problems));
        }
        return items;
    }

    List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(field, false)) {
            if (item.node.isValueNode()) {
                out.add(item.node.asText());
            } else {
                problems.add(item.path, "must be a single value");
            }
        }
        return out;
    }

    /** Entries of a mapping, in order. */
    List<Map.Entry<String, YamlNode>> entries(String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<Map.Entry<String, YamlNode>> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            problems.add(at(field), "must be a mapping");
            return out;
        }
        value.fields().forEachRemaining(e -> out.add(Map.entry(e.getKey(), new YamlNode(e.getValue(), at(field) + "." + e.getKey(), problems))));
        return out;
    }

    /** Plain value of this node: String, Double, Long or Boolean. */
    Object scalar() {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    boolean isObject() {
        return node != null && node.isObject();
    }

    boolean isList() {
        return node != null && node.isArray();
    }

    void problem(String message) {
        problems.add(path, message);
    }
}
