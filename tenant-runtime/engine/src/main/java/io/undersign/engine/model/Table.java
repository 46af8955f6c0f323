package io.undersign.engine.model;

import java.util.List;

/** A rating table over one or more inputs (questions or derived values). */
public record Table(String id, String title, HitPolicy hit, List<String> inputs, List<Row> rows) {
}
