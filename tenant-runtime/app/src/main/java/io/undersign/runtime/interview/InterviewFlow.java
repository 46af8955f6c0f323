package io.undersign.runtime.interview;

import io.undersign.engine.Decision;
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
    Clock clock;

    /** What answering a page led to. */
    sealed interface Answered {
        /** Every question of the page is answered as it should be: go on to {@code next} (null: the review). */
        record Accepted(Page next) implements Answered {
        }

        /** Some answers are missing or wrong: the page again, with its {@code problems}. */
        record Refused(StoredCase saved, InterviewPages pages, List<FieldError> problems) implements Answered {
        }

        /** The case was submitted meanwhile: only its decision is shown. */
        record Submitted() implements Answered {
        }
    }

    /** A case the applicant started here; cases of the insurer's systems are unknown to the interview, whoever holds the id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredCase interviewCase(String id) {
        StoredCase c = reads.stored(id);
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
        cases.insert(new StoredCase(id, null, Channel.INTERVIEW, CaseStatus.OPEN, Map.of(), Map.of(), LocalDate.ofInstant(now, ZoneOffset.UTC), now, now));
        audit.record("applicant", "case.started", id, now);
        return id;
    }

    /** Stores one page's answers (replacing what its questions had; blank removes) and checks the page as it now stands. */
    @Transactional
    Answered answer(String id, Page page, Map<String, List<String>> form) {
        StoredCase current = interviewCase(id);
        if (!current.open()) {
            return new Answered.Submitted();
        }
        List<Question> onPage = page.questions().stream().map(q -> rulebooks.rulebook().question(q).orElseThrow()).toList();
        FormAnswers submitted = FormAnswers.read(onPage, form);
        Map<String, Object> answers = new HashMap<>(current.answers());
        page.questions().forEach(answers::remove);
        answers.putAll(submitted.answers);
        Instant now = clock.instant();
        cases.updateAnswers(id, CaseStatus.OPEN, answers, now);
        StoredCase saved = new StoredCase(id, current.reference(), current.channel(), current.status(), answers, current.evidence(),
                current.applicationDate(), current.createdAt(), now);

        InterviewPages pages = new InterviewPages(rulebooks.rulebook(), answers);
        List<FieldError> problems = new ArrayList<>(submitted.errors);
        pages.problemsOn(page).stream()
                .filter(p -> submitted.errors.stream().noneMatch(e -> e.field().equals(p.field())))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            return new Answered.Refused(saved, pages, problems);
        }
        return new Answered.Accepted(pages.after(page).orElse(null));
    }

    /** The applicant submits: the case is decided and can no longer change through the interview. */
    @Transactional
    public void submit(String id) {
        StoredCase current = interviewCase(id);
        if (!current.open()) {
            throw new CaseClosedException(id);
        }
        Decision decision = recorder.decide(current.answers(), current.evidence(), current.applicationDate());
        Instant now = clock.instant();
        cases.markDecided(id, now);
        recorder.record(id, decision, now);
        audit.record("applicant", "case.submitted", id + " " + decision.outcome(), now);
    }
}
