package io.undersign.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The control plane applies the tenant migrations named in migrations.list: it must name every file, in order. */
class TenantMigrationListTest {
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "src/main/resources/db/tenant", "src/main/resources/db/tenant-keys" })
    void listNamesEveryTenantMigrationInVersionOrder(String dir) throws IOException {
        Path directory = Path.of(dir);
        List<String> listed = Files.readAllLines(directory.resolve("migrations.list")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0]).toList();
        List<String> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
        assertThat(listed).isSortedAccordingTo((a, b) -> Integer.compare(version(a), version(b)));
    }

    private static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")).split("\\.")[0]);
    }
}
