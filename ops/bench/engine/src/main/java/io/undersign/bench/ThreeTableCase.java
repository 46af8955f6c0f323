package io.undersign.bench;

import io.undersign.engine.CaseInput;
import io.undersign.engine.Decision;
import io.undersign.engine.Firing;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** The three-table case's inputs (fixed seed) and the result both engines must agree on. */
final class ThreeTableCase {
    static final LocalDate DATE = LocalDate.of(2026, 12, 1);
    private static final String[] ASTHMA = {"none", "mild", "moderate", "severe"};
    private static final String[] DIABETES = {"none", "none", "type-1", "type-2"};
    private static final double[] SUMS = {50_000, 150_000, 300_000, 600_000, 1_200_000, 2_500_000, 3_500_000};

    /** What is compared: build debits and decision, summed medical debits, the evidence required. */
    record Outcome(int buildDebits, String buildDecision, int medicalDebits, Set<String> evidence) {
    }

    private ThreeTableCase() {
    }

    static List<Map<String, Object>> inputs(int count, long seed) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("bmi", Math.round((14 + random.nextDouble() * 36) * 10) / 10.0);
            in.put("smoker", random.nextInt(4) == 0);
            in.put("asthma", ASTHMA[random.nextInt(ASTHMA.length)]);
            in.put("diabetes", DIABETES[random.nextInt(DIABETES.length)]);
            in.put("hba1c", Math.round((30 + random.nextDouble() * 70) * 10) / 10.0);
            in.put("systolic", 100 + random.nextInt(101));
            in.put("age", 18 + random.nextInt(58));
            in.put("sum_assured", SUMS[random.nextInt(SUMS.length)]);
            return in;
        }).toList();
    }

    static CaseInput undersignInput(Map<String, Object> in) {
        return CaseInput.of(in, DATE);
    }

    static Outcome of(Decision decision) {
        int build = 0;
        String buildDecision = null;
        int medical = 0;
        Set<String> evidence = new TreeSet<>();
        for (Firing f : decision.explanation().firings()) {
            if (f.source().startsWith("table:build#")) {
                build += f.debits();
                buildDecision = f.decision() == null ? null : f.decision().toLowerCase(java.util.Locale.ROOT);
            } else if (f.source().startsWith("table:medical#")) {
                medical += f.debits();
            } else if (f.source().startsWith("table:evidence#")) {
                evidence.addAll(f.evidence());
            }
        }
        return new Outcome(build, buildDecision, medical, evidence);
    }
}
