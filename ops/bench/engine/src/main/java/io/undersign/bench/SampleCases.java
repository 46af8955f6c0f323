package io.undersign.bench;

import io.undersign.engine.CaseInput;
import io.undersign.engine.Rulebook;
import io.undersign.engine.model.Option;
import io.undersign.engine.model.Question;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Valid answers to every question of a rulebook, from a fixed seed: ages 18 to 70, values in range. */
final class SampleCases {
    private SampleCases() {
    }

    static List<CaseInput> generate(Rulebook rulebook, int count, long seed) {
        Random random = new Random(seed);
        LocalDate date = ThreeTableCase.DATE;
        List<CaseInput> cases = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Question q : rulebook.questions()) {
                double min = q.min() == null ? 0 : q.min();
                double max = q.max() == null ? 100 : q.max();
                Object value = switch (q.type()) {
                    case NUMBER -> Math.round((min + random.nextDouble() * (max - min)) * 10) / 10.0;
                    case INTEGER -> (long) (min + random.nextInt((int) (max - min) + 1));
                    case BOOLEAN -> random.nextInt(4) == 0;
                    case SINGLE_CHOICE -> q.options().get(random.nextInt(q.options().size())).value();
                    case MULTI_CHOICE -> q.options().stream().filter(o -> random.nextInt(5) == 0).map(Option::value).toList();
                    case DATE -> date.minusDays(18 * 366 + random.nextInt(52 * 365)).toString();
                    case TEXT -> "text";
                };
                answers.put(q.id(), value);
            }
            cases.add(CaseInput.of(answers, date));
        }
        return cases;
    }
}
