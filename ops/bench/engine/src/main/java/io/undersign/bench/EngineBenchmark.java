package io.undersign.bench;

import io.undersign.engine.CaseInput;
import io.undersign.engine.Engine;
import io.undersign.engine.Evaluation;
import io.undersign.engine.NextQuestions;
import io.undersign.engine.Rulebook;
import io.undersign.engine.Rulebooks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread engine benchmarks: the full sample rulebook (evaluation with explanation, and
 * next-question), and the three-table case next to Operaton DMN on the same 1,000 cases.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class EngineBenchmark {
    private static final int CASES = 1000;
    private static final long SEED = 42;

    private Rulebook sample;
    private List<CaseInput> sampleCases;
    private List<Map<String, Object>> partialAnswers;
    private Rulebook threeTables;
    private List<Map<String, Object>> threeTableInputs;
    private List<CaseInput> threeTableCases;
    private OperatonThreeTables operatonFeel;
    private OperatonThreeTables operatonJuel;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        sample = Rulebooks.parse(resource("/rulebooks/term-life-uk.yaml"));
        sampleCases = SampleCases.generate(sample, CASES, SEED);
        partialAnswers = new ArrayList<>();
        for (CaseInput c : sampleCases) {
            Map<String, Object> partial = new HashMap<>(c.answers());
            partial.keySet().removeIf(k -> k.hashCode() % 3 == 0);
            partialAnswers.add(partial);
        }
        threeTables = Rulebooks.parse(resource("/three-tables.yaml"));
        threeTableInputs = ThreeTableCase.inputs(CASES, SEED);
        threeTableCases = threeTableInputs.stream().map(ThreeTableCase::undersignInput).toList();
        operatonFeel = new OperatonThreeTables(false);
        operatonJuel = new OperatonThreeTables(true);
        verifySameResults(operatonFeel, "FEEL");
        verifySameResults(operatonJuel, "JUEL");
    }

    /** Both engines must decide every case alike, or the comparison means nothing. */
    private void verifySameResults(OperatonThreeTables operaton, String setup) {
        for (int c = 0; c < CASES; c++) {
            Evaluation ours = Engine.evaluate(threeTables, threeTableCases.get(c));
            if (!ours.valid()) {
                throw new IllegalStateException("case " + c + " rejected: " + ours.errors());
            }
            ThreeTableCase.Outcome a = ThreeTableCase.of(ours.decision());
            ThreeTableCase.Outcome b = operaton.evaluate(threeTableInputs.get(c));
            if (!a.equals(b)) {
                throw new IllegalStateException("case " + c + " " + threeTableInputs.get(c) + ": Undersign " + a + ", Operaton " + setup + " " + b);
            }
        }
    }

    @Benchmark
    public Evaluation sampleRulebookEvaluate() {
        return Engine.evaluate(sample, sampleCases.get(next()));
    }

    @Benchmark
    public NextQuestions sampleRulebookNextQuestions() {
        return Engine.next(sample, partialAnswers.get(next()));
    }

    @Benchmark
    public Evaluation threeTablesUndersign() {
        return Engine.evaluate(threeTables, threeTableCases.get(next()));
    }

    @Benchmark
    public ThreeTableCase.Outcome threeTablesOperatonFeel() {
        return operatonFeel.evaluate(threeTableInputs.get(next()));
    }

    @Benchmark
    public ThreeTableCase.Outcome threeTablesOperatonJuel() {
        return operatonJuel.evaluate(threeTableInputs.get(next()));
    }

    private int next() {
        i = (i + 1) % CASES;
        return i;
    }

    static String resource(String path) {
        try (InputStream in = EngineBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
