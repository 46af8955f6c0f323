package io.undersign.engine.model;

import java.util.List;

/**
 * What a firing rule or table row does. Any combination: debits or credits (percent extra
 * mortality), a flat extra premium per mille, a forced decision (with a postponement period),
 * an exclusion clause, evidence requirements. Always a reason.
 */
public record Effect(int debits, int credits, double flatExtraPerMille, DecisionKind decision, int postponeMonths,
        String exclusion, List<String> evidence, Reason reason) {
}
