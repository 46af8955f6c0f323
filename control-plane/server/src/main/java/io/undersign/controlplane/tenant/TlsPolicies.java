package io.undersign.controlplane.tenant;

import java.util.List;

/** TLS security policies a tenant's public endpoints may use (names as AWS ELB spells them). */
public final class TlsPolicies {
    public static final List<String> KNOWN = List.of(
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-TLS13-1-3-2021-06");

    private TlsPolicies() {
    }
}
