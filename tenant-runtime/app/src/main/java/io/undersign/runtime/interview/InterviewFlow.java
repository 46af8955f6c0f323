package io.undersign.runtime.interview;

import io.undersign.engine.Decision;
import io.undersign.engine.Rulebook;
import io.undersign.engine.FieldError;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import io.undersign.runtime.cases.CaseClosedException;
import io.undersign.runtime.cases.CaseNotFoundException;
import io.undersign.runtime.cases.CaseReads;
import io.undersign.runtime.cases.CaseRecorder;
import io.undersign.runtime.cases.CaseRepository;
import io.undersign.runtime.cases.CaseStatus;
import io.undersign.runtime.cases.Channel;
import io.undersign.runtime.cases.PageDraft;
import io.undersign.runtime.cases.CaseIds;
import io.undersign.runtime.cases.RulebookHolder;
import io.undersign.runtime.cases.StoredCase;
import io.undersign.runtime.landing.RuntimeAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The applicant's interview as a life cycle: started empty, answered page by page (what was typed
 * is kept even when some of it is wrong), submitted once, then decided like any other case.
 */
@ApplicationScoped
public class InterviewFlow {

    @Inject
    CaseRepository cases;

    @Inject
    CaseReads reads;

    @Inject
    CaseRecorder recorder;

    @Inject
    RulebookHolder rulebooks;

    @Inject
    RuntimeAudit audit;

    @Inject
    io.undersign.runtime.workbench.WorkQueue workQueue;

    @Inject
    Clock clock;

    /** What answering a page led to: where the applicant goes next. */
    sealed interface Answered {
        /** Every question of the page is answered as it should be: go on to {@code next} (null: the review). */
        record Accepted(Page next) implements Answered {
        }

        /** Something is missing or wrong, or follow-ups are now due: the page again (its draft says what). */
        record Again(Page page) implements Answered {
        }

        /** The answers so far already rule cover out: the page that says why. */
        record Ineligible() implements Answered {
        }

        /** Back to the page before (answers kept). */
        record Back(Page previous) implements Answered {
        }

        /** The case was submitted meanwhile: only its decision is shown. */
        record Submitted() implements Answered {
        }
    }

    /** A case the applicant started here; cases of the insurer's systems are unknown to the interview, whoever holds the id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredCase interviewCase(String id) {
        StoredCase c = reads.stored(id);
        if (c.erased()) {
            // an erased application is no longer there for anyone holding its link
            throw new io.undersign.runtime.cases.CaseNotFoundException(id);
        }
        if (c.channel() != Channel.INTERVIEW) {
            throw new CaseNotFoundException(id);
        }
        return c;
    }

    /** An interview case: no answers yet, decided only when the applicant submits. */
    @Transactional
    public String start() {
        Instant now = clock.instant();
        String id = CaseIds.next();
        cases.insert(new StoredCase(id, null, Channel.INTERVIEW, CaseStatus.OPEN, Map.of(), Map.of(), LocalDate.ofInstant(now, ZoneOffset.UTC),
                now, now, CaseIds.shortRef(), rulebooks.currentRef()));
        audit.record("applicant", "case.started", id, now);
        return id;
    }

    /**
     * Takes one page as sent. Acceptable answers replace what its questions had (blank removes);
     * what is missing or wrong is kept as the page's draft, never as an answer. {@code shown}: the
     * questions the page showed, so that a follow-up the answers made due is asked as a new
     * question, not reported as missing.
     */
    @Transactional
    Answered answer(String id, String pageId, Map<String, List<String>> form, List<String> shown, boolean back) {
        StoredCase current = interviewCase(id);
        if (!current.open()) {
            return new Answered.Submitted();
        }
        Rulebook rulebook = rulebooks.of(current);
        Page page = page(rulebook, pageId);
        FormAnswers submitted = read(rulebook, page, form);
        Map<String, Object> candidate = candidate(current, page, submitted);
        InterviewPages pages = new InterviewPages(rulebook, candidate, current.applicationDate());
        Map<String, String> problems = new LinkedHashMap<>();
        submitted.errors.forEach(e -> problems.putIfAbsent(e.field(), wording(rulebook, e)));
        pages.errorsOn(page).forEach(e -> problems.putIfAbsent(e.field(), wording(rulebook, e)));
        List<String> followUps = new ArrayList<>();
        for (String due : back ? List.<String>of() : pages.dueOn(page)) {
            if (problems.containsKey(due)) {
                continue;
            }
            if (shown.contains(due)) {
                problems.put(due, InterviewWording.required(rulebook.question(due).orElseThrow()));
            } else {
                followUps.add(due); // asked now because of an answer on this page: a new question, not a mistake
            }
        }
        // an answer that is not acceptable is not stored: the page keeps it as typed until it is put right
        problems.keySet().forEach(candidate::remove);
        // nor is one to a question the other answers no longer ask (a hidden field the browser sent along)
        List<String> asked = pages.askedOn(page).stream().map(Question::id).toList();
        candidate.keySet().removeIf(q -> page.questions().contains(q) && !asked.contains(q));
        PageDraft draft = problems.isEmpty() && followUps.isEmpty() ? null
                : new PageDraft(page.id(), typed(page, form), problems.entrySet().stream()
                        .map(p -> new PageDraft.Problem(p.getKey(), p.getValue())).toList(), followUps);
        cases.saveInterviewPage(id, candidate, draft, clock.instant());
        if (back) {
            return new Answered.Back(pages.before(page).orElse(page));
        }
        if (draft != null) {
            return new Answered.Again(page);
        }
        if (!pages.knockouts().isEmpty()) {
            return new Answered.Ineligible();
        }
        return new Answered.Accepted(pages.after(page).orElse(null));
    }

    /** The page's questions asked if the form's answers were taken (nothing is stored). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<String> askedWith(String id, String pageId, Map<String, List<String>> form) {
        StoredCase current = interviewCase(id);
        Rulebook rulebook = rulebooks.of(current);
        Page page = page(rulebook, pageId);
        Map<String, Object> candidate = candidate(current, page, read(rulebook, page, form));
        InterviewPages pages = new InterviewPages(rulebook, candidate, current.applicationDate());
        return pages.askedOn(page).stream().map(Question::id).toList();
    }

    /** A page of the case's own rulebook version; an unknown one is not found. */
    private static Page page(Rulebook rulebook, String pageId) {
        return InterviewPages.page(rulebook, pageId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    private static FormAnswers read(Rulebook rulebook, Page page, Map<String, List<String>> form) {
        return FormAnswers.read(page.questions().stream().map(q -> rulebook.question(q).orElseThrow()).toList(), form);
    }

    /** The case's answers with this page's replaced by what the form holds (blank removes). */
    private static Map<String, Object> candidate(StoredCase current, Page page, FormAnswers submitted) {
        Map<String, Object> candidate = new HashMap<>(current.answers());
        page.questions().forEach(candidate::remove);
        candidate.putAll(submitted.answers);
        return candidate;
    }

    private static String wording(Rulebook rulebook, FieldError e) {
        return rulebook.question(e.field()).map(q -> InterviewWording.problem(q, e)).orElse(e.message());
    }

    /** The page's fields as the applicant typed them (what is shown again with its problems). */
    private static Map<String, List<String>> typed(Page page, Map<String, List<String>> form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String q : page.questions()) {
            List<String> values = form.get(q);
            if (values != null && !values.isEmpty()) {
                out.put(q, List.copyOf(values));
            }
        }
        return out;
    }

    /** The applicant submits: the case is decided and can no longer change through the interview. */
    @Transactional
    public void submit(String id) {
        StoredCase current = interviewCase(id);
        if (!current.open()) {
            throw new CaseClosedException(id);
        }
        Rulebook rulebook = rulebooks.of(current);
        Decision decision = recorder.decide(rulebook, current.answers(), current.evidence(), current.applicationDate());
        Instant now = clock.instant();
        cases.markDecided(id, now);
        recorder.record(id, rulebook, decision, now);
        workQueue.afterEngineDecision(id, decision.outcome(), io.undersign.runtime.workbench.WorkQueue.Cause.NEW_CASE, now);
        audit.record("applicant", "case.submitted", id + " " + decision.outcome(), now);
    }
}
