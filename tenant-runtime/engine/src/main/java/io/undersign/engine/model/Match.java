package io.undersign.engine.model;

import java.util.List;

/**
 * A table cell's condition on one input: a half-open range {@code [from, below)} (either end
 * open when null), or a list of values. Evaluated natively, without CEL.
 */
public record Match(String input, Double from, Double below, List<Object> in) {

    public boolean isRange() {
        return in == null;
    }
}
