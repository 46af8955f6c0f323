package io.undersign.engine;

import io.undersign.engine.model.Derived;
import io.undersign.engine.model.EvidenceType;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import io.undersign.engine.model.Rule;
import io.undersign.engine.model.RulebookDefinition;
import io.undersign.engine.model.Table;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed from one rulebook version to another, part by part: questions, pages, derived
 * values, tables, rules, evidence types (and the rules over their results) and thresholds, each
 * added, removed or changed, with the properties that changed named. What an operator reads
 * before a release takes a new version to the fleet.
 */
public final class RulebookDiff {
    private RulebookDiff() {
    }

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    /** One part that differs; {@code properties} names what changed (empty unless CHANGED). */
    public record Change(String part, String id, Kind kind, List<String> properties) {
        public String words() {
            String what = part + " '" + id + "'";
            return switch (kind) {
                case ADDED -> what + " added";
                case REMOVED -> what + " removed";
                case CHANGED -> what + " changed: " + String.join(", ", properties);
            };
        }
    }

    public static List<Change> between(Rulebook from, Rulebook to) {
        RulebookDefinition a = from.definition();
        RulebookDefinition b = to.definition();
        List<Change> changes = new ArrayList<>();
        compare(changes, "question", a.questions(), b.questions(), Question::id);
        compare(changes, "page", a.pages(), b.pages(), Page::id);
        if (!commonOrder(a.pages(), b.pages()).equals(commonOrder(b.pages(), a.pages()))) {
            changes.add(new Change("pages", "order", Kind.CHANGED, List.of("order")));
        }
        compare(changes, "derived value", a.derived(), b.derived(), Derived::id);
        compare(changes, "table", a.tables(), b.tables(), Table::id);
        compare(changes, "rule", a.rules(), b.rules(), Rule::id);
        compare(changes, "evidence type", a.evidence(), b.evidence(), EvidenceType::id);
        if (!a.thresholds().equals(b.thresholds())) {
            changes.add(new Change("thresholds", "thresholds", Kind.CHANGED, differing(a.thresholds(), b.thresholds())));
        }
        if (!a.metadata().products().equals(b.metadata().products())) {
            changes.add(new Change("products", String.join(",", b.metadata().products()), Kind.CHANGED, List.of("products")));
        }
        return changes;
    }

    private static <T extends Record> void compare(List<Change> out, String part, List<T> from, List<T> to, Function<T, String> id) {
        Map<String, T> before = byId(from, id);
        Map<String, T> after = byId(to, id);
        before.forEach((key, old) -> {
            T now = after.get(key);
            if (now == null) {
                out.add(new Change(part, key, Kind.REMOVED, List.of()));
            } else if (!old.equals(now)) {
                out.add(new Change(part, key, Kind.CHANGED, differing(old, now)));
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key))
                .forEach(key -> out.add(new Change(part, key, Kind.ADDED, List.of())));
    }

    /** The ids of {@code pages} that {@code other} has too, in the order of {@code pages}. */
    private static List<String> commonOrder(List<Page> pages, List<Page> other) {
        return pages.stream().map(Page::id).filter(id -> other.stream().anyMatch(p -> p.id().equals(id))).toList();
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    /** The record's components whose values differ, by name ("ask-when" reads as askWhen). */
    private static List<String> differing(Record a, Record b) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    names.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return names;
    }
}
