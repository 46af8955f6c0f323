package io.undersign.runtime.workbench;

import io.undersign.contract.WorkbenchRoles;
import io.undersign.runtime.cases.CaseReads;
import io.undersign.runtime.cases.RulebookHolder;
import io.undersign.runtime.cases.StoredCase;
import io.undersign.runtime.evidence.EvidenceRequested;
import io.undersign.runtime.evidence.EvidenceStore;
import io.undersign.runtime.landing.RuntimeAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What underwriters do to a case: claim, release, assign, note, decide, approve or send back, ask for
 * more evidence. Each action locks the case's queue item first (one action on a case at a time),
 * checks who may do it, and is audited with the person's name in the same transaction.
 */
@ApplicationScoped
public class Workbench {
    public static final String FINAL = "FINAL";
    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    public static final String REJECTED = "REJECTED";

    @Inject
    WorkbenchStore store;

    @Inject
    CaseReads cases;

    @Inject
    RulebookHolder rulebooks;

    @Inject
    EvidenceStore evidence;

    @Inject
    Event<EvidenceRequested> evidenceRequested;

    @Inject
    RuntimeAudit audit;

    @Inject
    Clock clock;

    /** Outcome of a decision sent from the case page. */
    public enum Decided { FINAL, SENT_FOR_APPROVAL }

    @Transactional
    public void seen(Underwriter me) {
        store.seen(me, clock.instant());
    }

    @Transactional
    public void claim(String caseId, Underwriter me) {
        WorkbenchStore.WorkItem item = openItem(caseId);
        mustAct(caseId, me);
        if (item.assigneeId() != null && !item.assigneeId().equals(me.id())) {
            throw new WorkbenchRefusedException(caseId, item.assigneeName() + " has this case; they can release it, or a senior "
                    + "underwriter can assign it to you");
        }
        Instant now = clock.instant();
        store.assign(caseId, me.id(), me.name(), now);
        store.touch(caseId, now);
        record(me, "workbench.claimed", caseId, now);
    }

    @Transactional
    public void release(String caseId, Underwriter me) {
        WorkbenchStore.WorkItem item = openItem(caseId);
        mustAct(caseId, me);
        if (item.assigneeId() != null && !item.assigneeId().equals(me.id()) && !seniorOrAbove(me)) {
            throw new WorkbenchRefusedException(caseId, "Only " + item.assigneeName() + " or a senior underwriter can release this case");
        }
        Instant now = clock.instant();
        store.release(caseId);
        record(me, "workbench.released", caseId, now);
    }

    /** Assigns cases to a person who has signed in here; senior underwriters and above. Returns how many moved. */
    @Transactional
    public int assign(List<String> caseIds, String personId, Underwriter me) {
        if (!seniorOrAbove(me)) {
            throw new WorkbenchRefusedException(null, "Assigning cases to others needs a senior or chief underwriter");
        }
        mustAct(null, me);
        WorkbenchStore.Person person = store.person(personId)
                .orElseThrow(() -> new WorkbenchRefusedException(null, "Choose someone who has signed in to the workbench"));
        Instant now = clock.instant();
        int moved = 0;
        for (String caseId : caseIds) {
            openItem(caseId);
            store.assign(caseId, person.id(), person.name(), now);
            store.touch(caseId, now);
            record(me, "workbench.assigned", caseId + " to " + person.username(), now);
            moved++;
        }
        return moved;
    }

    @Transactional
    public void note(String caseId, String body, Underwriter me) {
        if (body == null || body.isBlank() || body.length() > 4000) {
            throw new WorkbenchRefusedException(caseId, "Write the note (up to 4,000 characters)");
        }
        store.itemForUpdate(caseId).orElseThrow(() -> notQueued(caseId));
        Instant now = clock.instant();
        store.addNote(caseId, me, body.strip(), now);
        store.touch(caseId, now);
        record(me, "workbench.noted", caseId, now);
    }

    /**
     * A person's decision beside the engine's. Within their authority it is final; beyond it, it is
     * refused with each limit named, unless they send it for approval by a second person.
     */
    @Transactional
    public Decided decide(String caseId, ManualDecision decision, boolean sendForApproval, Underwriter me) {
        WorkbenchStore.WorkItem item = store.itemForUpdate(caseId).orElseThrow(() -> notQueued(caseId));
        mustAct(caseId, me);
        if (item.open() && AWAITING_APPROVAL.equals(item.reason())) {
            throw new WorkbenchRefusedException(caseId, "A decision on this case is waiting for approval; approve it or send it back first");
        }
        if (item.assigneeId() != null && !item.assigneeId().equals(me.id())) {
            throw new WorkbenchRefusedException(caseId, item.assigneeName() + " has this case; claim it before deciding");
        }
        List<String> beyond = AuthorityCheck.beyond(me.authority(store.authorities()), decision, sumAssured(caseId));
        Instant now = clock.instant();
        if (beyond.isEmpty()) {
            long id = store.addReview(caseId, decision, FINAL, me, now);
            store.touch(caseId, now);
            store.close(caseId, now);
            record(me, "workbench.decided", caseId + " review " + id + " " + decision.outcome() + " " + decision.reasonCode(), now);
            return Decided.FINAL;
        }
        if (!sendForApproval) {
            List<String> reasons = new ArrayList<>();
            reasons.add("This decision is beyond your authority:");
            reasons.addAll(beyond);
            reasons.add("Send it for approval by a colleague whose authority covers it.");
            throw new WorkbenchRefusedException(caseId, reasons);
        }
        long id = store.addReview(caseId, decision, AWAITING_APPROVAL, me, now);
        store.touch(caseId, now);
        if (!item.open()) {
            store.enqueue(caseId, AWAITING_APPROVAL, now, now);
        }
        store.markAwaitingApproval(caseId);
        store.release(caseId);
        record(me, "workbench.sent-for-approval", caseId + " review " + id + " " + decision.outcome() + " " + decision.reasonCode(), now);
        return Decided.SENT_FOR_APPROVAL;
    }

    /**
     * Four eyes: a second person approves a decision sent for approval. Never its maker, never on
     * someone's behalf, and only on the approver's own authority (a group shared with the maker, an
     * assignment by the maker, confer none).
     */
    @Transactional
    public void approve(String caseId, long reviewId, Underwriter me) {
        store.itemForUpdate(caseId).orElseThrow(() -> notQueued(caseId));
        WorkbenchStore.Review review = awaiting(caseId, reviewId);
        mustAct(caseId, me);
        if (review.makerId().equals(me.id())) {
            throw new WorkbenchRefusedException(caseId, "You made this decision; a second person must approve it");
        }
        ManualDecision decision = new ManualDecision(review.outcome(), review.table(),
                review.exclusions() == null ? List.of() : List.of(review.exclusions().split("\n")), review.postponeMonths(),
                review.reasonCode(), review.reasonText());
        List<String> beyond = AuthorityCheck.beyond(me.authority(store.authorities()), decision, sumAssured(caseId));
        if (!beyond.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            reasons.add("Approving this decision is beyond your own authority:");
            reasons.addAll(beyond);
            throw new WorkbenchRefusedException(caseId, reasons);
        }
        Instant now = clock.instant();
        store.settleReview(reviewId, FINAL, me, now);
        store.close(caseId, now);
        record(me, "workbench.approved", caseId + " review " + reviewId + " made by " + review.makerName(), now);
    }

    /** Sends a decision back: it stays on record as rejected, and the case returns to the queue as referred. */
    @Transactional
    public void reject(String caseId, long reviewId, Underwriter me) {
        store.itemForUpdate(caseId).orElseThrow(() -> notQueued(caseId));
        WorkbenchStore.Review review = awaiting(caseId, reviewId);
        mustAct(caseId, me);
        if (review.makerId().equals(me.id())) {
            throw new WorkbenchRefusedException(caseId, "You made this decision; a second person must review it");
        }
        Instant now = clock.instant();
        store.settleReview(reviewId, REJECTED, me, now);
        store.enqueue(caseId, "REFER", now, now);
        record(me, "workbench.sent-back", caseId + " review " + reviewId + " made by " + review.makerName(), now);
    }

    /** More evidence, through the outbox and the broker like the engine's own requests. */
    @Transactional
    public void requestEvidence(String caseId, String type, Underwriter me) {
        store.itemForUpdate(caseId).orElseThrow(() -> notQueued(caseId));
        mustAct(caseId, me);
        StoredCase stored = cases.stored(caseId);
        boolean known = rulebooks.of(stored).definition().evidence().stream().anyMatch(e -> e.id().equals(type));
        if (!known) {
            throw new WorkbenchRefusedException(caseId, "Choose evidence this case's rulebook knows");
        }
        Instant now = clock.instant();
        EvidenceStore.Request request = evidence.insert(UUID.randomUUID().toString(), caseId, type, now);
        evidenceRequested.fire(new EvidenceRequested(caseId));
        store.touch(caseId, now);
        record(me, "workbench.evidence-requested", caseId + " " + type + " " + request.requestId(), now);
    }

    private WorkbenchStore.Review awaiting(String caseId, long reviewId) {
        WorkbenchStore.Review review = store.reviewForUpdate(caseId, reviewId)
                .orElseThrow(() -> new WorkbenchRefusedException(caseId, "There is no such decision on this case"));
        if (!AWAITING_APPROVAL.equals(review.status())) {
            throw new WorkbenchRefusedException(caseId, "This decision is not waiting for approval (it is " + review.status() + ")");
        }
        return review;
    }

    private WorkbenchStore.WorkItem openItem(String caseId) {
        WorkbenchStore.WorkItem item = store.itemForUpdate(caseId).orElseThrow(() -> notQueued(caseId));
        if (!item.open()) {
            throw new WorkbenchRefusedException(caseId, "This case is decided and no longer in the queue");
        }
        return item;
    }

    /** A person acts for themselves only: nothing is decided or assigned on someone's behalf. */
    private static void mustAct(String caseId, Underwriter me) {
        if (me.impersonated()) {
            throw new WorkbenchRefusedException(caseId, "You are signed in as " + me.name() + " on behalf of " + me.impersonatedBy()
                    + "; underwriting actions need the person themselves");
        }
        if (me.highestRole().isEmpty()) {
            throw new WorkbenchRefusedException(caseId, "You hold no underwriting role here");
        }
    }

    private static boolean seniorOrAbove(Underwriter me) {
        return me.roles().contains(WorkbenchRoles.SENIOR_UNDERWRITER) || me.roles().contains(WorkbenchRoles.CHIEF_UNDERWRITER);
    }

    /** A case of no other tenant's: one that does not exist here is not found, one never queued is refused. */
    private WorkbenchRefusedException notQueued(String caseId) {
        cases.stored(caseId);
        return new WorkbenchRefusedException(caseId, "This case has never been with the underwriters");
    }

    private Optional<Long> sumAssured(String caseId) {
        Object value = cases.stored(caseId).answers().get("sum_assured");
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.toString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void record(Underwriter me, String action, String detail, Instant now) {
        audit.record("underwriter:" + me.username(), action, detail, now);
    }
}
