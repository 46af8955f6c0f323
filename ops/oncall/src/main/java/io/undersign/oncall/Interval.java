package io.undersign.oncall;

import java.time.Instant;

/** [start, end). */
public record Interval(Instant start, Instant end) {
}
