package io.undersign.engine;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.undersign.engine.model.Option;
import io.undersign.engine.model.Question;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/** Generates answers valid for a rulebook's questions: in range, among the options, ages 18 to 70. */
final class AnswersGen implements Gen<Map<String, Object>> {
    private final Rulebook rulebook;
    private final LocalDate applicationDate;

    AnswersGen(Rulebook rulebook, LocalDate applicationDate) {
        this.rulebook = rulebook;
        this.applicationDate = applicationDate;
    }

    @Override
    public Map<String, Object> generate(RandomnessSource in) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : rulebook.questions()) {
            answers.put(q.id(), value(q, in));
        }
        return answers;
    }

    private Object value(Question q, RandomnessSource in) {
        return switch (q.type()) {
            case NUMBER -> Math.round(doubles().between(bound(q.min(), 0), bound(q.max(), 1000)).generate(in) * 10) / 10.0;
            case INTEGER -> (long) integers().between((int) bound(q.min(), 0), (int) bound(q.max(), 1000)).generate(in);
            case BOOLEAN -> booleans().all().generate(in);
            case SINGLE_CHOICE -> q.options().get(integers().between(0, q.options().size() - 1).generate(in)).value();
            case MULTI_CHOICE -> {
                List<String> chosen = new ArrayList<>();
                for (Option o : q.options()) {
                    if (integers().between(0, 3).generate(in) == 0) {
                        chosen.add(o.value());
                    }
                }
                yield chosen;
            }
            case DATE -> applicationDate.minusDays(integers().between(18 * 366, 70 * 365).generate(in)).toString();
            case TEXT -> "text";
        };
    }

    private static double bound(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
