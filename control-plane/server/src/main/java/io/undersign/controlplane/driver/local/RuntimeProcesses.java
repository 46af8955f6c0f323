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

    private RuntimeProcesses() {
    }

    record Found(ProcessHandle process, int port) {
    }

    static List<String> markerArgs(String tenantId, int port) {
        return List.of(MARKER + tenantId, PORT + port);
    }

    static Optional<Found> find(String tenantId) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> p.info().arguments().map(args -> toFound(p, tenantId, args)).orElse(null))
                .filter(f -> f != null)
                .findFirst();
    }

    private static Found toFound(ProcessHandle p, String tenantId, String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.contains(MARKER + tenantId)) {
            return null;
        }
        OptionalInt port = list.stream().filter(a -> a.startsWith(PORT))
                .mapToInt(a -> Integer.parseInt(a.substring(PORT.length()))).findFirst();
        return port.isPresent() ? new Found(p, port.getAsInt()) : null;
    }
}
