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

    InterviewPages(Rulebook rulebook, Map<String, Object> answers) {
        this.rulebook = rulebook;
        this.next = Engine.next(rulebook, answers);
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

    /** Field errors of this page: unacceptable answers and required questions left unanswered. */
    List<FieldError> problemsOn(Page page) {
        List<FieldError> out = new ArrayList<>();
        for (FieldError e : next.errors()) {
            if (page.questions().contains(e.field())) {
                out.add(e);
            }
        }
        for (String due : next.due()) {
            if (page.questions().contains(due)) {
                out.add(new FieldError(due, "Please answer this question"));
            }
        }
        return out;
    }

    /** The first page with a question still to answer, or empty when the interview is complete. */
    Optional<Page> firstIncomplete() {
        return rulebook.pages().stream().filter(page -> !problemsOn(page).isEmpty()).findFirst();
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
