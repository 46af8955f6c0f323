package io.undersign.controlplane.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What an audited action adds to its audit entry on success: what it made or changed (a token's id
 * and role, a certificate's serial), never a secret.
 */
@RequestScoped
public class AuditNote {
    private final List<String> parts = new ArrayList<>();

    public void add(String part) {
        parts.add(part);
    }

    String text() {
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
