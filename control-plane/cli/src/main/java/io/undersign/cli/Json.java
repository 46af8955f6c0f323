package io.undersign.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

final class Json {
    private Json() {
    }

    static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of {@code field}, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The texts of a JSON array (empty when it is not one). */
    static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** After a table of one page: how to ask for the next, when there is one. */
    static void printNextCursor(PrintWriter out, JsonNode page) {
        String next = text(page, "nextCursor");
        if (next != null && !next.isEmpty()) {
            out.println("More: --cursor " + next);
        }
        out.flush();
    }
}
