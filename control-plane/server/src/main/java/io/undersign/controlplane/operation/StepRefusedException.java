package io.undersign.controlplane.operation;

/**
 * A step that decided "no" rather than met a passing fault (a release's gate failed, its runtime
 * would not start): trying it again would answer the same, so its operation fails at once.
 */
public class StepRefusedException extends Exception {
    public StepRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
