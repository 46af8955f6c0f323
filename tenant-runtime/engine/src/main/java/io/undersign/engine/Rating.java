package io.undersign.engine;

/** Terms of a rated acceptance: table number (25% steps), extra mortality, flat extra premium. */
public record Rating(int table, int extraMortalityPercent, double flatExtraPerMille) {
}
