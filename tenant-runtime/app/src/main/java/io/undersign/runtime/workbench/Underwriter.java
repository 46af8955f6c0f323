package io.undersign.runtime.workbench;

import io.undersign.contract.WorkbenchRoles;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The person signed in, from their token: {@code id} is the identity provider's subject (stable,
 * unlike a name), {@code roles} their own underwriting roles (never a group's), {@code impersonatedBy}
 * set when an administrator acts as them.
 */
public record Underwriter(String id, String username, String name, Set<String> roles, String impersonatedBy) {

    /** The most senior underwriting role the person holds themselves. */
    public Optional<String> highestRole() {
        List<String> ranked = WorkbenchRoles.ALL;
        for (int i = ranked.size() - 1; i >= 0; i--) {
            if (roles.contains(ranked.get(i))) {
                return Optional.of(ranked.get(i));
            }
        }
        return Optional.empty();
    }

    /** Their authority: the row of their most senior role. */
    public Optional<Authority> authority(List<Authority> matrix) {
        return highestRole().flatMap(role -> matrix.stream().filter(a -> a.role().equals(role)).findFirst());
    }

    public boolean impersonated() {
        return impersonatedBy != null;
    }
}
