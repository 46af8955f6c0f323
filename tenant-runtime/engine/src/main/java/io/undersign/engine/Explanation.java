package io.undersign.engine;

import java.util.List;

/**
 * Why a decision is what it is: the rulebook it came from, every firing, the totals and the
 * reasoning for the outcome. {@link #toText()} is what an underwriter reads.
 */
public record Explanation(String rulebookId, String rulebookVersion, List<Firing> firings, long totalDebits,
        long totalCredits, long netDebits, double flatExtraPerMille, List<String> why, List<String> ignoredAnswers) {

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("Rulebook ").append(rulebookId).append(" version ").append(rulebookVersion).append('\n');
        if (firings.isEmpty()) {
            b.append("No rule or table row fired.\n");
        }
        for (Firing f : firings) {
            b.append("- ").append(f.source()).append(" [").append(f.reasonCode()).append("] ").append(f.reason());
            StringBuilder what = new StringBuilder();
            if (f.debits() != 0) {
                what.append(" +").append(f.debits()).append(" debits");
            }
            if (f.credits() != 0) {
                what.append(" -").append(f.credits()).append(" credits");
            }
            if (f.flatExtraPerMille() != 0) {
                what.append(" flat extra ").append(f.flatExtraPerMille()).append("‰");
            }
            if (f.decision() != null) {
                what.append(" → ").append(f.decision());
                if (f.postponeMonths() != null) {
                    what.append(" ").append(f.postponeMonths()).append(" months");
                }
            }
            if (f.exclusion() != null) {
                what.append(" exclusion: ").append(f.exclusion());
            }
            if (!f.evidence().isEmpty()) {
                what.append(" requires ").append(String.join(", ", f.evidence()));
            }
            b.append(what.isEmpty() ? "" : " (" + what.toString().strip() + ")");
            if (!f.inputs().isEmpty()) {
                b.append(" given ").append(f.inputs());
            }
            b.append('\n');
        }
        b.append("Debits ").append(totalDebits).append(", credits ").append(totalCredits).append(", net ").append(netDebits);
        if (flatExtraPerMille != 0) {
            b.append(", flat extra ").append(flatExtraPerMille).append("‰");
        }
        b.append('\n');
        why.forEach(w -> b.append(w).append('\n'));
        if (!ignoredAnswers.isEmpty()) {
            b.append("Ignored answers to questions not asked: ").append(String.join(", ", ignoredAnswers)).append('\n');
        }
        return b.toString();
    }
}
