package io.undersign.runtime.evidence;

/** A result message that cannot be applied: it goes to the dead-letter queue with this reason. */
public class MalformedEvidenceException extends Exception {
    public MalformedEvidenceException(String reason) {
        super(reason);
    }
}
