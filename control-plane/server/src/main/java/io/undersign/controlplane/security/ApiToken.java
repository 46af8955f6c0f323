package io.undersign.controlplane.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token of the admin API, known only by its SHA-256 hash. */
@Entity
@Table(name = "api_token")
public class ApiToken {
    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    public String name;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
