package io.undersign.runtime.interview;

import io.undersign.engine.Engine;
import io.undersign.engine.FieldError;
import io.undersign.engine.NextQuestions;
import io.undersign.engine.Rulebook;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which pages and questions an applicant sees given the answers so far: the engine's
 * next-question logic, asked once per request and read for every page.
 */
final class InterviewPages {
    private final Rulebook rulebook;
    private final NextQuestions next;
    private final Set<String> asked;

    /** At the case's application date: birth dates are checked against it, and declines already certain are known. */
    InterviewPages(Rulebook rulebook, Map<String, Object> answers, java.time.LocalDate applicationDate) {
        this.rulebook = rulebook;
        this.next = Engine.next(rulebook, io.undersign.engine.CaseInput.of(answers, applicationDate));
        this.asked = new HashSet<>(next.asked());
    }

    static Optional<Page> page(Rulebook rulebook, String id) {
        return rulebook.pages().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Questions of the page that are asked now, in order. */
    List<Question> askedOn(Page page) {
        List<Question> out = new ArrayList<>();
        for (String id : page.questions()) {
            if (asked.contains(id)) {
                out.add(rulebook.question(id).orElseThrow());
            }
        }
        return out;
    }

    /** Answers on this page the engine does not accept (out of range, a birth date after the application date). */
    List<FieldError> errorsOn(Page page) {
        return next.errors().stream().filter(e -> page.questions().contains(e.field())).toList();
    }

    /** Asked questions of this page still unanswered, in order. */
    List<String> dueOn(Page page) {
        return next.due().stream().filter(page.questions()::contains).toList();
    }

    /** Declines the answers so far make certain, whatever else is answered. */
    List<io.undersign.engine.NextQuestions.Knockout> knockouts() {
        return next.knockouts();
    }

    /** The first page with a question still to answer or an answer to put right, or empty when the interview is complete. */
    Optional<Page> firstIncomplete() {
        return rulebook.pages().stream().filter(page -> !errorsOn(page).isEmpty() || !dueOn(page).isEmpty()).findFirst();
    }

    /** The first page asking any of {@code questions}: where an applicant changes what ruled cover out. */
    Optional<Page> firstAsking(java.util.Collection<String> questions) {
        return rulebook.pages().stream().filter(page -> page.questions().stream().anyMatch(questions::contains)).findFirst();
    }

    Optional<Page> after(Page page) {
        int i = rulebook.pages().indexOf(page);
        return i + 1 < rulebook.pages().size() ? Optional.of(rulebook.pages().get(i + 1)) : Optional.empty();
    }

    Optional<Page> before(Page page) {
        int i = rulebook.pages().indexOf(page);
        return i > 0 ? Optional.of(rulebook.pages().get(i - 1)) : Optional.empty();
    }

    List<Page> all() {
        return rulebook.pages();
    }
}
