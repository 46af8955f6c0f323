package io.undersign.runtime.workbench;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a person's own authority covers a decision: the sum assured, the table rating, and whether
 * they may decline or exclude. Each limit passed is named, so a refusal says which one and where it
 * ends. A case whose sum assured is unknown is beyond everyone's limit (nobody signs off what they
 * cannot see).
 */
public final class AuthorityCheck {

    private AuthorityCheck() {
    }

    /** Empty when {@code authority} covers the decision; else each limit it passes, in words. */
    public static List<String> beyond(Optional<Authority> authority, ManualDecision decision, Optional<Long> sumAssured) {
        List<String> passed = new ArrayList<>();
        if (authority.isEmpty()) {
            passed.add("you hold no underwriting role, so you have no authority to decide");
            return passed;
        }
        Authority a = authority.get();
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.UK);
        if (sumAssured.isEmpty()) {
            passed.add("the case has no sum assured to check against your limit of " + money.format(a.maxSumAssured()));
        } else if (sumAssured.get() > a.maxSumAssured()) {
            passed.add("the sum assured " + money.format(sumAssured.get()) + " is over your limit of " + money.format(a.maxSumAssured())
                    + " (" + a.role() + ")");
        }
        if (decision.tableOrZero() > a.maxTable()) {
            passed.add("table " + decision.tableOrZero() + " is over your limit of table " + a.maxTable() + " (" + a.role() + ")");
        }
        if (("DECLINE".equals(decision.outcome()) || "POSTPONE".equals(decision.outcome())) && !a.mayDecline()) {
            passed.add("a " + decision.outcome().toLowerCase(Locale.ROOT) + " needs authority to decline, which " + a.role()
                    + " does not have");
        }
        if ("EXCLUSION".equals(decision.outcome()) && !a.mayExclude()) {
            passed.add("an exclusion needs authority to exclude, which " + a.role() + " does not have");
        }
        return passed;
    }
}
