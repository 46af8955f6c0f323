package io.undersign.controlplane.schema;

import java.util.List;

/**
 * One tenant migration as {@code migrations.list} names it: {@code V5__x.sql expand}, or
 * {@code V9__drop_y.sql contract safe-from=2026.12.2} for a step that removes what runtimes
 * older than that release still use. A line without a tag is an expand step.
 */
public record SchemaStep(String file, String version, boolean contract, String safeFrom) {

    public static SchemaStep parse(String line) {
        String[] parts = line.strip().split("\\s+");
        String file = parts[0];
        String version = file.substring(1, file.indexOf("__"));
        if (parts.length == 1 || parts[1].equals("expand")) {
            if (parts.length > 2) {
                throw new IllegalArgumentException("migrations.list: '" + line + "': an expand step takes nothing more");
            }
            return new SchemaStep(file, version, false, null);
        }
        if (!parts[1].equals("contract") || parts.length != 3 || !parts[2].startsWith("safe-from=") || parts[2].length() == "safe-from=".length()) {
            throw new IllegalArgumentException("migrations.list: '" + line + "': write 'FILE expand' or 'FILE contract safe-from=RELEASE'");
        }
        return new SchemaStep(file, version, true, parts[2].substring("safe-from=".length()));
    }

    /** The contract steps after version {@code from} up to and including {@code to} (numeric versions). */
    public static List<SchemaStep> contractsBetween(List<SchemaStep> steps, String from, String to) {
        int low = from == null ? 0 : Integer.parseInt(from);
        int high = Integer.parseInt(to);
        return steps.stream().filter(SchemaStep::contract)
                .filter(s -> Integer.parseInt(s.version()) > low && Integer.parseInt(s.version()) <= high).toList();
    }
}
