package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rota and its deliveries; locally also the phone: answer a call, reply to a text. */
@Command(name = "oncall", description = "Who is on call, the rota, members, overrides and swaps, imports, SMS spend; locally, answer calls and reply to texts.",
        subcommands = {OncallCommand.Who.class, OncallCommand.Show.class, OncallCommand.Members.class, OncallCommand.Rota.class,
                OncallCommand.OverrideShift.class, OncallCommand.Swap.class, OncallCommand.Import.class, OncallCommand.Spend.class,
                OncallCommand.Deliveries.class, OncallCommand.Answer.class, OncallCommand.Reply.class, OncallCommand.Sync.class})
class OncallCommand {

    static String usd(JsonNode amount) {
        return amount.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String member(JsonNode m) {
        return m == null || m.isNull() ? "nobody" : Json.text(m, "name") + " (" + Json.text(m, "id") + ", " + Json.text(m, "phone") + ")";
    }

    static void members(ApiCommand c, JsonNode list) {
        Table t = new Table("ID", "NAME", "PHONE", "EMAIL", "ZONE", "P2");
        list.forEach(m -> t.row(Json.text(m, "id"), Json.text(m, "name"), Json.text(m, "phone"), Json.text(m, "email"), Json.text(m, "zone"),
                m.path("p2").asBoolean() ? "yes" : "no"));
        t.print(c.out());
    }

    static void overrides(ApiCommand c, JsonNode list) {
        Table t = new Table("OVERRIDE", "LINE", "MEMBER", "FROM", "TO", "REASON");
        list.forEach(o -> t.row(Json.text(o, "id"), Json.text(o, "role"), Json.text(o, "member"), Json.text(o, "from"), Json.text(o, "to"),
                Json.text(o, "reason")));
        t.print(c.out());
    }

    @Command(name = "who", description = "Who is on call now, or at --at.")
    static class Who extends ApiCommand {
        @Option(names = "--at", description = "An instant, e.g. 2026-12-24T23:00:00Z")
        String at;

        @Override
        public Integer call() throws Exception {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("at", at);
            return print(api.client().get("/api/v1/oncall/who", q), w -> {
                out().println("At " + Json.text(w, "at") + ":");
                out().println("  primary    " + member(w.get("primary")));
                out().println("  secondary  " + member(w.get("secondary")));
                out().println("  manager    " + member(w.get("manager")));
                List<String> p2 = new java.util.ArrayList<>();
                w.path("p2").forEach(m -> p2.add(Json.text(m, "name")));
                out().println("  P2 texts   " + (p2.isEmpty() ? "nobody" : String.join(", ", p2)));
            });
        }
    }

    @Command(name = "show", description = "The rota: rotations, overrides, each line's shifts and its gaps (default the next 14 days).")
    static class Show extends ApiCommand {
        @Option(names = "--from", description = "Start instant (default now)")
        String from;

        @Option(names = "--to", description = "End instant (default 14 days later)")
        String to;

        @Override
        public Integer call() throws Exception {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("from", from);
            q.put("to", to);
            return print(api.client().get("/api/v1/oncall/rota", q), r -> {
                Table rotations = new Table("LINE", "MEMBERS", "FIRST HAND-OVER", "AT", "ZONE", "DAYS");
                r.path("rotations").forEach(x -> rotations.row(Json.text(x, "role"), String.join(",", Json.texts(x.path("members"))),
                        Json.text(x, "firstHandover"), Json.text(x, "handoverTime"), Json.text(x, "zone"), x.path("shiftDays").asInt()));
                rotations.print(out());
                out().println();
                Table shifts = new Table("LINE", "MEMBER", "FROM", "TO", "BY");
                r.path("shifts").forEach(s -> shifts.row(Json.text(s, "role"), Json.text(s, "member"), Json.text(s, "from"), Json.text(s, "to"),
                        Json.text(s, "source")));
                shifts.print(out());
                if (!r.path("gaps").isEmpty()) {
                    out().println();
                    Table gaps = new Table("UNCOVERED LINE", "FROM", "TO");
                    r.path("gaps").forEach(g -> gaps.row(Json.text(g, "role"), Json.text(g, "from"), Json.text(g, "to")));
                    gaps.print(out());
                }
            });
        }
    }

    @Command(name = "members", description = "List members; add, update or remove one.",
            subcommands = {Members.Add.class, Members.Update.class, Members.Remove.class})
    static class Members extends ApiCommand {
        @Override
        public Integer call() throws Exception {
            return print(api.client().get("/api/v1/oncall/members", Map.of()), list -> members(this, list));
        }

        abstract static class Fields extends ApiCommand {
            @Option(names = "--name", description = "Full name")
            String name;

            @Option(names = "--phone", description = "International form, e.g. +44 7911 123456")
            String phone;

            @Option(names = "--email", description = "E-mail (matches iCalendar attendees)")
            String email;

            @Option(names = "--zone", description = "Time zone, e.g. Europe/London")
            String zone;

            @Option(names = "--p2", arity = "0..1", description = "Gets the P2 texts (true/false)")
            Boolean p2;

            Map<String, Object> body() {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", name);
                body.put("phone", phone);
                body.put("email", email);
                body.put("zone", zone);
                body.put("p2", p2);
                body.values().removeIf(java.util.Objects::isNull);
                return body;
            }
        }

        @Command(name = "add", description = "Add a member.")
        static class Add extends Fields {
            @Parameters(index = "0", description = "Member id, e.g. ana")
            String id;

            @Override
            public Integer call() throws Exception {
                Map<String, Object> body = body();
                body.put("id", id);
                return print(api.client().post("/api/v1/oncall/members", body, null), m -> members(this, ApiClient.JSON.createArrayNode().add(m)));
            }
        }

        @Command(name = "update", description = "Change a member; options left out stay.")
        static class Update extends Fields {
            @Parameters(index = "0", description = "Member id")
            String id;

            @Override
            public Integer call() throws Exception {
                return print(api.client().put("/api/v1/oncall/members/" + ApiClient.segment(id), body()),
                        m -> members(this, ApiClient.JSON.createArrayNode().add(m)));
            }
        }

        @Command(name = "remove", description = "Remove a member who is on no rotation.")
        static class Remove extends ApiCommand {
            @Parameters(index = "0", description = "Member id")
            String id;

            @Override
            public Integer call() throws Exception {
                api.client().delete("/api/v1/oncall/members/" + ApiClient.segment(id));
                out().println("Removed " + id);
                out().flush();
                return 0;
            }
        }
    }

    @Command(name = "rota", description = "Set a line's rotation: who, in order, handing over when.")
    static class Rota extends ApiCommand {
        @Parameters(index = "0", description = "primary, secondary or manager")
        String role;

        @Option(names = "--members", required = true, split = ",", description = "Member ids in hand-over order: ana,ben,cho")
        List<String> members;

        @Option(names = "--first", required = true, description = "First hand-over date, e.g. 2026-12-07")
        String first;

        @Option(names = "--at", defaultValue = "09:00", description = "Hand-over time (default ${DEFAULT-VALUE})")
        String time;

        @Option(names = "--zone", required = true, description = "Zone the hand-over time is in, e.g. Europe/London")
        String zone;

        @Option(names = "--days", defaultValue = "7", description = "Days per shift (default ${DEFAULT-VALUE})")
        int days;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = Map.of("members", members, "firstHandover", first, "handoverTime", time, "zone", zone, "shiftDays", days);
            return print(api.client().put("/api/v1/oncall/rotations/" + ApiClient.segment(role), body),
                    r -> out().println(Json.text(r, "role") + ": " + String.join(", ", Json.texts(r.path("members"))) + ", handing over every "
                            + r.path("shiftDays").asInt() + " day(s) at " + Json.text(r, "handoverTime") + " " + Json.text(r, "zone") + " from "
                            + Json.text(r, "firstHandover")));
        }
    }

    /** A line, an interval and why: what an override and a swap both take. */
    abstract static class LineInterval extends ApiCommand {
        @Parameters(index = "0", description = "primary, secondary or manager")
        String role;

        @Option(names = "--from", required = true, description = "Start, e.g. 2026-12-24T18:00:00Z")
        String from;

        @Option(names = "--to", required = true, description = "End")
        String to;

        @Option(names = "--reason", description = "Why")
        String reason;

        Map<String, Object> body(Map<String, Object> members) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("role", role, "from", from, "to", to));
            body.putAll(members);
            body.put("reason", reason);
            return body;
        }
    }

    @Command(name = "override", description = "Someone else holds a line over an interval.")
    static class OverrideShift extends LineInterval {
        @Parameters(index = "1", description = "Member id who covers")
        String member;

        @Override
        public Integer call() throws Exception {
            return print(api.client().post("/api/v1/oncall/overrides", body(Map.of("member", member)), null),
                    o -> overrides(this, ApiClient.JSON.createArrayNode().add(o)));
        }
    }

    @Command(name = "swap", description = "Two members trade a line over an interval.")
    static class Swap extends LineInterval {
        @Parameters(index = "1", description = "One member")
        String member;

        @Parameters(index = "2", description = "The other")
        String with;

        @Override
        public Integer call() throws Exception {
            return print(api.client().post("/api/v1/oncall/swaps", body(Map.of("member", member, "with", with)), null), list -> overrides(this, list));
        }
    }

    @Command(name = "import", description = "Import members (CSV: name,phone,email,zone) or overrides (CSV: role,member,from,to,reason; or iCalendar .ics).")
    static class Import extends ApiCommand {
        @Parameters(index = "0", description = "members or overrides")
        String what;

        @Parameters(index = "1", description = "The file")
        Path file;

        @Option(names = "--role", description = "The line an iCalendar file's events cover")
        String role;

        @Option(names = "--from", description = "iCalendar: expand recurrences from (default now)")
        String from;

        @Option(names = "--to", description = "iCalendar: expand recurrences to (default 90 days on)")
        String to;

        @Override
        public Integer call() throws Exception {
            String text = file(file);
            if (what.equals("members")) {
                return print(api.client().postText("/api/v1/oncall/import/members", "text/csv", text), list -> members(this, list));
            }
            if (!what.equals("overrides")) {
                throw new CliException("import members or overrides, not " + what, Undersign.USAGE);
            }
            boolean ical = file.toString().toLowerCase().endsWith(".ics");
            StringBuilder query = new StringBuilder();
            for (Map.Entry<String, String> e : new LinkedHashMap<>(Map.of("role", role == null ? "" : role, "from", from == null ? "" : from,
                    "to", to == null ? "" : to)).entrySet()) {
                if (!e.getValue().isEmpty()) {
                    query.append(query.length() == 0 ? "?" : "&").append(e.getKey()).append('=').append(ApiClient.segment(e.getValue()));
                }
            }
            return print(api.client().postText("/api/v1/oncall/import/overrides" + query, ical ? "text/calendar" : "text/csv", text),
                    list -> overrides(this, list));
        }
    }

    @Command(name = "spend", description = "Month-to-date SMS spend against the budget.")
    static class Spend extends ApiCommand {
        @Override
        public Integer call() throws Exception {
            return print(api.client().get("/api/v1/oncall/spend", Map.of()), s -> out().println("SMS this month: " + usd(s.path("spentUsd"))
                    + " USD of " + usd(s.path("budgetUsd")) + " USD (" + Json.text(s, "level").toLowerCase() + ")"));
        }
    }

    @Command(name = "deliveries", description = "Calls and texts sent, newest first (locally: the phone's inbox).")
    static class Deliveries extends ApiCommand {
        @Option(names = "--limit", defaultValue = "20", description = "How many (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        public Integer call() throws Exception {
            return print(api.client().get("/api/v1/oncall/deliveries", Map.of("limit", String.valueOf(limit))), list -> {
                Table t = new Table("DELIVERY", "CHANNEL", "MEMBER", "TO", "STATUS", "AT", "MESSAGE");
                list.forEach(d -> t.row(Json.text(d, "id"), Json.text(d, "channel"), Json.text(d, "member"), Json.text(d, "address"),
                        Json.text(d, "status"), Json.text(d, "createdAt"), Json.text(d, "detail")));
                t.print(out());
            });
        }
    }

    @Command(name = "answer", description = "Answer a ringing call (local driver), pressing keys: 1 acknowledges.")
    static class Answer extends ApiCommand {
        @Parameters(index = "0", description = "Delivery id of the call (oncall deliveries)")
        String delivery;

        @Option(names = "--keypad", defaultValue = "1", description = "Keys pressed (default ${DEFAULT-VALUE})")
        String keypad;

        @Override
        public Integer call() throws Exception {
            return print(api.client().post("/api/v1/oncall/calls/" + ApiClient.segment(delivery) + "/answer", Map.of("keypad", keypad), null),
                    d -> out().println("Call " + Json.text(d, "id") + ": " + Json.text(d, "status")));
        }
    }

    @Command(name = "reply", description = "Text the platform's number (local driver) as a rota member would: ACK <code>, or any text to forward.")
    static class Reply extends ApiCommand {
        @Option(names = "--from", required = true, description = "The sender's phone, e.g. +447911123456")
        String from;

        @Parameters(index = "0", description = "The text, e.g. \"ACK 4F7K2Q\"")
        String text;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("originationNumber", from);
            event.put("destinationNumber", "+10000000000");
            event.put("messageKeyword", "");
            event.put("messageBody", text);
            event.put("inboundMessageId", UUID.randomUUID().toString());
            event.put("previousPublishedMessageId", "");
            return print(api.client().postText("/api/v1/oncall/sms/inbound", "application/json", ApiClient.JSON.writeValueAsString(event)),
                    h -> out().println(Json.text(h, "outcome") + ": " + Json.text(h, "detail")));
        }
    }

    @Command(name = "sync", description = "Make the SMS topic's subscriptions the P2 subscribers' phones (idempotent).")
    static class Sync extends ApiCommand {
        @Override
        public Integer call() throws Exception {
            return print(api.client().post("/api/v1/oncall/sync", null, null), s -> out().println("Subscribed " + s.path("subscribed").size()
                    + ", unsubscribed " + s.path("unsubscribed").size() + "; " + s.path("subscriptions").asInt() + " subscription(s)"));
        }
    }
}
