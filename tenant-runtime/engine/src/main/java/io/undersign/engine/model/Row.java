package io.undersign.engine.model;

import java.util.List;

/** A table row: all its matches must hold (inputs it does not mention match anything). */
public record Row(List<Match> matches, Effect effect) {
}
