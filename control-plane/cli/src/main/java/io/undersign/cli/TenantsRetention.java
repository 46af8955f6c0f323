package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How long a tenant keeps each class of case, the check that nothing is kept longer, and enforcing it now. */
final class TenantsRetention {
    private TenantsRetention() {
    }

    private static String path(String id) {
        return "/api/v1/tenants/" + ApiClient.segment(id) + "/retention";
    }

    @Command(name = "retention", description = "Show, or --set class=months (or class=none), how long a tenant keeps each class of case.")
    static class Show extends ApiCommand {
        @Parameters(index = "0", description = "Tenant id")
        String id;

        @Option(names = "--set", description = "class=months after the last change, or class=none (until an erasure request); "
                + "classes: incomplete, declined, postponed, accepted")
        Map<String, String> set;

        @Override
        public Integer call() throws Exception {
            JsonNode view;
            if (set == null || set.isEmpty()) {
                view = api.client().get(path(id), Map.of());
            } else {
                Map<String, Integer> changes = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : set.entrySet()) {
                    if ("none".equals(e.getValue())) {
                        changes.put(e.getKey(), null);
                    } else {
                        try {
                            changes.put(e.getKey(), Integer.valueOf(e.getValue()));
                        } catch (NumberFormatException notANumber) {
                            throw new CliException("--set " + e.getKey() + ": '" + e.getValue() + "' is not a number of months or none", Undersign.USAGE);
                        }
                    }
                }
                view = api.client().put(path(id), changes);
            }
            return print(view, v -> v.path("retentionMonths").fields().forEachRemaining(e -> out().println(
                    String.format("%-11s %s", e.getKey(), e.getValue().isNull() ? "until an erasure request" : e.getValue().asInt() + " months"))));
        }
    }

    @Command(name = "retention-check", description = "List every case a tenant keeps past its retention (exit 1 when there is one).")
    static class Check extends ApiCommand {
        @Parameters(index = "0", description = "Tenant id")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode check = api.client().get(path(id) + "/check", Map.of());
            print(check, c -> {
                if (c.path("overdue").isEmpty()) {
                    out().println("Tenant " + id + " keeps no case past its retention (checked " + c.path("checkedAt").asText() + ")");
                }
                c.path("overdue").forEach(o -> out().println(o.path("caseId").asText() + "  " + o.path("dataClass").asText()
                        + ", last changed " + o.path("lastChange").asText() + ", kept " + o.path("retentionMonths").asInt() + " months"));
            });
            return check.path("overdue").isEmpty() ? 0 : Undersign.OPERATION_FAILED;
        }
    }

    @Command(name = "retention-enforce", description = "Erase now every case a tenant keeps past its retention (the sweep does it every hour).")
    static class Enforce extends ApiCommand {
        @Parameters(index = "0", description = "Tenant id")
        String id;

        @Override
        public Integer call() throws Exception {
            JsonNode done = api.client().post(path(id) + "/enforcement", Map.of(), null);
            return print(done, d -> {
                out().println("Erased " + d.path("erased").size() + " case(s) of " + id + " past their retention");
                d.path("erased").forEach(e -> out().println("  " + e.path("caseId").asText() + "  " + e.path("dataClass").asText()
                        + "  receipt " + e.path("receiptId").asText()));
            });
        }
    }
}
