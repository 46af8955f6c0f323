package io.undersign.runtime.workbench;

/** The tenant has no identity provider set up: nobody can sign in, so nothing of the workbench is shown. */
public class WorkbenchClosedException extends RuntimeException {
    public WorkbenchClosedException() {
        super("Sign-in for underwriters is not set up for this insurer");
    }
}
