package io.undersign.controlplane.driver.aws;

import java.util.regex.Pattern;

/**
 * The boot script of a release's launch template version: the tenant's configuration from SSM,
 * then the release's build and rulebook from the release bucket, each checked against its
 * SHA-256, then the runtime. Every value is one the control plane validated or made (ids,
 * hashes, bucket keys); one with any other character is refused here rather than quoted, so
 * nothing typed by anyone is ever interpreted by the shell.
 */
public final class ReleaseUserData {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/+-]{1,256}");

    /** What an instance of the release fetches. */
    public record Release(String id, String artifact, String artifactSha256, String rulebook, String rulebookSha256) {
    }

    private ReleaseUserData() {
    }

    public static String script(String region, String parameterPath, Release release) {
        return """
                #!/bin/bash
                set -euo pipefail
                /opt/undersign/bin/fetch-config --region '%s' --path '%s' --out /etc/undersign/runtime.env
                /opt/undersign/bin/fetch-release --region '%s' --release '%s' --artifact '%s' --artifact-sha256 '%s' \\
                  --rulebook '%s' --rulebook-sha256 '%s' --dir /opt/undersign/release --out /etc/undersign/release.env
                systemctl enable --now undersign-runtime
                """.formatted(plain(region), plain(parameterPath), plain(region), plain(release.id()), plain(release.artifact()),
                plain(release.artifactSha256()), plain(release.rulebook()), plain(release.rulebookSha256()));
    }

    private static String plain(String value) {
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' cannot go into an instance's boot script");
        }
        return value;
    }
}
