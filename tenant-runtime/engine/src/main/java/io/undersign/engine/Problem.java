package io.undersign.engine;

/** One thing wrong with a rulebook, at a path such as {@code rules[4].when}. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
