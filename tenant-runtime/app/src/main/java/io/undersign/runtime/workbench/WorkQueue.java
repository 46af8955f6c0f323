package io.undersign.runtime.workbench;

import io.undersign.engine.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * What an engine decision means for the underwriters' queue, in the decision's own transaction: a
 * case the engine refers or waits on is queued with a due time; evidence arriving on a case a person
 * has (or decided) brings it back for review; a queued case nobody touched yet that evidence lets the
 * engine decide leaves the queue (decided straight through).
 */
@ApplicationScoped
public class WorkQueue {

    /** Why the engine decided again. */
    public enum Cause { NEW_CASE, ANSWERS_CHANGED, EVIDENCE }

    @Inject
    WorkbenchStore store;

    @Inject
    io.undersign.runtime.TenantConfig config;

    public void afterEngineDecision(String caseId, Outcome outcome, Cause cause, Instant now) {
        Instant due = now.plus(config.workbench().sla());
        if (outcome == Outcome.REFER || outcome == Outcome.PENDING_EVIDENCE) {
            if (cause == Cause.EVIDENCE && store.item(caseId).map(i -> i.firstTouchedAt() != null).orElse(false)) {
                store.evidenceArrived(caseId, now, due);
            } else {
                store.enqueue(caseId, outcome.name(), now, due);
            }
            return;
        }
        if (cause != Cause.EVIDENCE) {
            // a new case decided straight through was never queued; changed answers leave a person's case with them
            return;
        }
        store.itemForUpdate(caseId).ifPresent(item -> {
            boolean untouched = item.open() && item.firstTouchedAt() == null && item.assigneeId() == null;
            if (untouched) {
                store.close(caseId, now);
            } else {
                store.evidenceArrived(caseId, now, due);
            }
        });
    }

    public Duration sla() {
        return config.workbench().sla();
    }
}
