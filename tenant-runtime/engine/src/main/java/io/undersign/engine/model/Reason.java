package io.undersign.engine.model;

/** Why an effect applies: a stable code and text for an underwriter ({@code {name}} shows an input's value). */
public record Reason(String code, String text) {
}
