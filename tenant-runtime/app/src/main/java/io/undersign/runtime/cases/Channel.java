package io.undersign.runtime.cases;

import java.util.Arrays;

/** How a case came in: the insurer's systems through the API, or an applicant through the interview. */
public enum Channel {
    API("api"), INTERVIEW("interview");

    /** As stored and as the API shows it. */
    public final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    static Channel of(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown channel '" + wire + "' stored"));
    }
}
