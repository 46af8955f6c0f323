package io.undersign.runtime.cases;

import io.undersign.engine.Outcome;
import java.time.Instant;

/** What an integrator lists cases by; every part optional ({@code createdFrom} inclusive, {@code createdTo} exclusive). */
public record CaseFilter(CaseStatus status, Outcome outcome, String reference, Instant createdFrom, Instant createdTo) {
}
