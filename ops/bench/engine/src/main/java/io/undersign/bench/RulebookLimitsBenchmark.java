package io.undersign.bench;

import io.undersign.engine.CaseInput;
import io.undersign.engine.Engine;
import io.undersign.engine.Evaluation;
import io.undersign.engine.Problem;
import io.undersign.engine.Rulebook;
import io.undersign.engine.Rulebooks;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bound on what one rulebook can cost: validate + compile a rulebook just under the size
 * limit (the sample with generated rules appended, each with a condition CEL must type-check),
 * and evaluate a case against it, every rule's condition evaluated.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@State(Scope.Thread)
public class RulebookLimitsBenchmark {
    static final int LIMIT = 512 * 1024;

    private String largest;
    private Rulebook compiled;
    private CaseInput oneCase;

    @Setup(Level.Trial)
    public void setUp() {
        String sample = EngineBenchmark.resource("/rulebooks/term-life-uk.yaml");
        StringBuilder yaml = new StringBuilder(sample);
        for (int r = 0; ; r++) {
            String rule = "  - id: generated-" + r + "\n    when: \"alcohol_units_per_week > " + (r % 300)
                    + " && bmi > " + (15 + r % 30) + ".5 && age >= " + (18 + r % 50) + " && !('diving' in hazardous_pursuits)\"\n"
                    + "    debits: " + (r % 5) + "\n    reason: {code: GEN-" + r + ", text: \"generated rule " + r + "\"}\n";
            if (yaml.length() + rule.length() >= LIMIT) {
                break;
            }
            yaml.insert(yaml.indexOf("\nrules:\n") + "\nrules:\n".length(), rule);
        }
        largest = yaml.toString();
        List<Problem> problems = Rulebooks.validate(largest);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the generated rulebook is invalid: " + problems.subList(0, Math.min(3, problems.size())));
        }
        compiled = Rulebooks.parse(largest);
        oneCase = SampleCases.generate(compiled, 1, 7).get(0);
        System.out.printf("%nrulebook of %d characters%n", largest.length());
    }

    @Benchmark
    public List<Problem> validateLargestRulebook() {
        return Rulebooks.validate(largest);
    }

    @Benchmark
    public Evaluation evaluateAgainstLargestRulebook() {
        return Engine.evaluate(compiled, oneCase);
    }
}
