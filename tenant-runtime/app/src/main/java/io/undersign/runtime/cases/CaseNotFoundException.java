package io.undersign.runtime.cases;

public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String id) {
        super("No case with id '" + id + "'");
    }
}
