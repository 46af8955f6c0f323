package io.undersign.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rulebook is invalid; {@link #problems()} lists every problem found, each with its path. */
public class RulebookException extends RuntimeException {
    private final List<Problem> problems;

    public RulebookException(List<Problem> problems) {
        super(problems.size() + " problem(s) in rulebook:\n" + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
