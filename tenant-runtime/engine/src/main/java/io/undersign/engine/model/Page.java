package io.undersign.engine.model;

import java.util.List;

/** Questions shown together in the interview, in order. */
public record Page(String id, String title, List<String> questions) {
}
