package io.undersign.controlplane.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * Wave sizes from a spec such as {@code 1,25%,100%}: each entry is how many tenants have been
 * reached once that wave is done (a count, or a percentage of all, rounded up), so the waves grow
 * and the last one reaches everyone. Plain Java, so it is tested alone.
 */
public final class Waves {
    private Waves() {
    }

    /** For {@code total} tenants, the wave number of each position (0-based), in order. */
    public static List<Integer> assign(String spec, int total) {
        List<Integer> reached = reachedAfterEachWave(spec, total);
        List<Integer> waveOf = new ArrayList<>();
        int wave = 0;
        for (int position = 0; position < total; position++) {
            while (position >= reached.get(wave)) {
                wave++;
            }
            waveOf.add(wave);
        }
        return waveOf;
    }

    static List<Integer> reachedAfterEachWave(String spec, int total) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("waves must be given, e.g. 1,25%,100%");
        }
        List<Integer> reached = new ArrayList<>();
        int previous = 0;
        for (String part : spec.split(",")) {
            String p = part.strip();
            int count;
            try {
                count = p.endsWith("%") ? (int) Math.ceil(total * parsePercent(p) / 100.0) : Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("wave '" + p + "' is not a count or a percentage");
            }
            if (count < 1) {
                throw new IllegalArgumentException("wave '" + p + "' reaches no tenant");
            }
            count = Math.min(count, total);
            if (count < previous) {
                throw new IllegalArgumentException("wave '" + p + "' reaches fewer tenants than the one before it");
            }
            reached.add(count);
            previous = count;
        }
        if (previous < total) {
            reached.add(total); // whatever the last wave leaves is one more wave: a rollout reaches everyone it names
        }
        return reached;
    }

    private static double parsePercent(String p) {
        double percent = Double.parseDouble(p.substring(0, p.length() - 1));
        if (percent <= 0 || percent > 100) {
            throw new NumberFormatException();
        }
        return percent;
    }
}
