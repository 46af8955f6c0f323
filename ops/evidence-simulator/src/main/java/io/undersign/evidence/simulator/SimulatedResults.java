package io.undersign.evidence.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Results a simulated provider returns for a request: a pure function of the request id and
 * evidence type, so a test can predict them. Values are mostly in the normal range, with the
 * spread real panels show (some ratios above 6, an occasional abnormal ECG).
 */
public final class SimulatedResults {

    private SimulatedResults() {
    }

    /** The results for this request, or empty for an evidence type this provider does not offer. */
    public static Optional<Map<String, Object>> of(String requestId, String type) {
        SplittableRandom random = new SplittableRandom(seed(requestId));
        Map<String, Object> results = new LinkedHashMap<>();
        switch (type) {
            case "blood-profile" -> {
                results.put("hba1c", 30 + random.nextInt(16));
                results.put("cholesterol_ratio", (25 + random.nextInt(45)) / 10.0);
                results.put("ggt", 10 + random.nextInt(60));
            }
            case "medical-exam" -> {
                results.put("measured_systolic", 105 + random.nextInt(50));
                results.put("measured_diastolic", 65 + random.nextInt(30));
                results.put("ecg_normal", random.nextInt(10) != 0);
            }
            case "aps" -> {
                results.put("condition_stable", random.nextInt(8) != 0);
                results.put("specialist_follow_up", random.nextInt(3) == 0);
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(results);
    }

    private static long seed(String requestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
