package io.undersign.engine.internal;

import dev.cel.runtime.CelEvaluationException;
import io.undersign.engine.FieldError;
import io.undersign.engine.model.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the questions in order with the answers given: which are asked (ask-when holds on the
 * earlier answers), which asked and required ones are still unanswered, which answers belong to
 * questions no longer asked (ignored), and which answers are not acceptable.
 */
final class Interview {
    final CaseValues values;
    final Map<String, Object> answers = new LinkedHashMap<>();
    final List<String> asked = new ArrayList<>();
    final List<String> due = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();
    final List<FieldError> errors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Conditions and values that could not be evaluated: each makes the decision at least REFER. */
    final List<String> failures = new ArrayList<>();

    /** A case's evaluation may take this long; past it, nothing more is evaluated and the case is referred. */
    static final long BUDGET_NANOS = 250_000_000L;
    private final long deadline = System.nanoTime() + BUDGET_NANOS;
    private boolean overBudget;

    private Interview(CompiledRulebook rulebook) {
        this.values = new CaseValues(rulebook.zeroValues());
    }

    /** True once the time budget is spent: the failure is recorded once, and the caller evaluates nothing more. */
    private boolean outOfTime(String where) {
        if (!overBudget && System.nanoTime() > deadline) {
            overBudget = true;
            failures.add("the evaluation ran past its time budget of " + BUDGET_NANOS / 1_000_000 + " ms at " + where
                    + "; what follows was not evaluated");
        }
        return overBudget;
    }

    static Interview walk(CompiledRulebook rulebook, Map<String, Object> raw) {
        Interview interview = new Interview(rulebook);
        for (String key : raw.keySet()) {
            if (!rulebook.questionById().containsKey(key)) {
                interview.errors.add(new FieldError(key, "is not a question of rulebook "
                        + rulebook.definition().metadata().id() + " " + rulebook.definition().metadata().version(), FieldError.Code.UNKNOWN_QUESTION));
            }
        }
        List<Question> questions = rulebook.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Cel.Compiled askWhen = rulebook.askWhen().get(i);
            Object given = raw.get(q.id());
            if (askWhen != null && !interview.asks(askWhen, "questions." + q.id() + ".ask-when")) {
                if (given != null) {
                    interview.ignored.add(q.id());
                }
                continue;
            }
            interview.asked.add(q.id());
            if (given == null) {
                if (q.required()) {
                    interview.due.add(q.id());
                }
                continue;
            }
            Object value = AnswerReader.read(q, given, interview.errors);
            if (value != null) {
                interview.answers.put(q.id(), value);
                interview.values.put(q.id(), AnswerReader.forExpression(value));
            }
        }
        return interview;
    }

    /**
     * Whether a rule's condition holds. One that cannot be evaluated does not fire its rule, and
     * is recorded as a failure, which refers the case: the engine never decides on what it could
     * not evaluate.
     */
    boolean holds(Cel.Compiled condition, String where) {
        return holds(condition, values, where);
    }

    boolean holds(Cel.Compiled condition, CaseValues on, String where) {
        if (outOfTime(where)) {
            return false;
        }
        try {
            return condition.test(on);
        } catch (CelEvaluationException e) {
            failed(where, e);
            return false;
        }
    }

    /** Whether a question is asked; when its ask-when cannot be evaluated it is asked (more is known, never less), and the case referred. */
    private boolean asks(Cel.Compiled condition, String where) {
        if (outOfTime(where)) {
            return true;
        }
        try {
            return condition.test(values);
        } catch (CelEvaluationException e) {
            failed(where, e);
            return true;
        }
    }

    void failed(String where, Exception e) {
        failures.add(where + " could not be evaluated: " + Cel.describe(e));
    }
}
