package io.undersign.engine.internal;

import io.undersign.engine.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading and checking a rulebook. */
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new Problem(path, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<Problem> all() {
        return List.copyOf(found);
    }
}
