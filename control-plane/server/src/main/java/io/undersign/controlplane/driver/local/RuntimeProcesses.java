package io.undersign.controlplane.driver.local;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds tenant runtime processes on this machine by the marker on their command line, so a
 * control plane that crashed after starting one (before recording it) finds it again.
 */
final class RuntimeProcesses {
    // outside the runtime's "undersign." config prefix, which rejects unknown keys
    static final String MARKER = "-Dundersign-tenant=";
    static final String PORT = "-Dquarkus.http.port=";
    /** Which platform (data directory) started it: ops/bin/local-down stops only its own. */
    static final String DATA = "-Dundersign-data=";

    private RuntimeProcesses() {
    }

    record Found(ProcessHandle process, int port) {
    }

    static List<String> markerArgs(String tenantId, int port, String dataDir) {
        return List.of(MARKER + tenantId, PORT + port, DATA + dataDir);
    }

    static Optional<Found> find(String tenantId, String dataDir) {
        return find(tenantId, dataDir, java.util.Set.of());
    }

    /** A runtime of the tenant other than those in {@code except} (an upgrade's second runtime). */
    static Optional<Found> find(String tenantId, String dataDir, java.util.Set<Long> except) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid() && !except.contains(p.pid()))
                .map(p -> p.info().arguments().map(args -> toFound(p, tenantId, dataDir, args)).orElse(null))
                .filter(f -> f != null)
                .findFirst();
    }

    private static Found toFound(ProcessHandle p, String tenantId, String dataDir, String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.contains(MARKER + tenantId) || !list.contains(DATA + dataDir)) {
            return null;
        }
        OptionalInt port = list.stream().filter(a -> a.startsWith(PORT))
                .mapToInt(a -> Integer.parseInt(a.substring(PORT.length()))).findFirst();
        return port.isPresent() ? new Found(p, port.getAsInt()) : null;
    }
}
