package io.undersign.engine;

/** Decision outcomes, most severe first; the most severe one any rule reaches wins. */
public enum Outcome {
    DECLINE, POSTPONE, REFER, PENDING_EVIDENCE, RATED, EXCLUSION, STANDARD;

    public boolean moreSevereThan(Outcome other) {
        return ordinal() < other.ordinal();
    }
}
