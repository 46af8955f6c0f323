package io.undersign.http;

import jakarta.enterprise.context.RequestScoped;

/** Which request this is, for error bodies, logs and audit records. */
@RequestScoped
public class RequestId {
    private String value = "internal";

    public String value() {
        return value;
    }

    void assign(String value) {
        this.value = value;
    }
}
