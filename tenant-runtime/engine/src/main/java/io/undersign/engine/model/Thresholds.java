package io.undersign.engine.model;

/**
 * Net debits (debits − credits) up to {@code standardMax} are standard terms; above
 * {@code declineOver} a decline; between, a table rating rounded up to steps of {@code tableStep}%.
 */
public record Thresholds(int standardMax, int tableStep, int declineOver) {
}
