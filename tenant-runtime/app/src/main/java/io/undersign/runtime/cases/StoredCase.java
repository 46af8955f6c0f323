package io.undersign.runtime.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A case as stored: its answers and evidence so far, and where it stands. {@code rulebook}: the
 * version it was made under and is decided by (null for cases older than that record). {@code erased}: its
 * health data was erased (or its data key is gone): answers, evidence and draft are empty and stay so.
 */
public record StoredCase(String id, String reference, Channel channel, CaseStatus status, Map<String, Object> answers,
        Map<String, Map<String, Object>> evidence, LocalDate applicationDate, Instant createdAt, Instant updatedAt, String shortRef,
        PageDraft draft, RulebookRef rulebook, boolean erased) {

    /** A new case: no draft yet. */
    public StoredCase(String id, String reference, Channel channel, CaseStatus status, Map<String, Object> answers,
            Map<String, Map<String, Object>> evidence, LocalDate applicationDate, Instant createdAt, Instant updatedAt, String shortRef,
            RulebookRef rulebook) {
        this(id, reference, channel, status, answers, evidence, applicationDate, createdAt, updatedAt, shortRef, null, rulebook, false);
    }

    /** Still being answered: not yet submitted and decided. */
    public boolean open() {
        return status == CaseStatus.OPEN;
    }
}
