package io.undersign.engine.model;

/** One choice of a single- or multi-choice question. */
public record Option(String value, String label) {
}
