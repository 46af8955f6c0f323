package io.undersign.runtime.cases;

/** The case was submitted and decided; the interview cannot change it any more. */
public class CaseClosedException extends RuntimeException {
    public CaseClosedException(String id) {
        super("Case " + id + " has been submitted");
    }
}
