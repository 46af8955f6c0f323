package io.undersign.controlplane.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A rulebook version as uploaded: its YAML, never changed afterwards, and the author's profiles. */
@Entity
@Table(name = "rulebook_version")
@IdClass(RulebookRecord.Key.class)
public class RulebookRecord {
    @Id
    @Column(name = "rulebook_id")
    public String rulebookId;

    @Id
    public String version;

    public String title;

    /** Comma-separated, as the rulebook lists them. */
    public String products;

    public String sha256;

    public String source;

    /** The case file (profiles with expected decisions); null when none was given. */
    public String profiles;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public static class Key implements Serializable {
        public String rulebookId;
        public String version;

        public Key() {
        }

        public Key(String rulebookId, String version) {
            this.rulebookId = rulebookId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(rulebookId, k.rulebookId) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rulebookId, version);
        }
    }
}
