package io.undersign.engine.model;

/** When the CEL condition {@code when} holds, the effect applies. */
public record Rule(String id, String when, Effect effect) {
}
