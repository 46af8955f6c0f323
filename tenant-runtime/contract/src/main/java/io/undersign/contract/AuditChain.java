package io.undersign.contract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tenant audit trail's hash chain, as the runtime seals it and the control plane checks it.
 * Entry n's seal holds the hash of entry n-1's seal, so changing an entry breaks its own hash and
 * deleting one breaks the next entry's link. The tenant id is hashed in: a row copied from another
 * tenant's trail does not verify here.
 */
public final class AuditChain {
    /** The link of the first entry: there is nothing before it. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * How both sides read an entry's time: as the database's own text, so neither's JDBC time-zone
     * conversion or fraction rounding takes part in what is hashed.
     */
    public static final String AT_AS_TEXT = "DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s.%f')";

    private AuditChain() {
    }

    /** One audit entry as stored. */
    public record Entry(long id, String at, String actor, String action, String detail) {
    }

    /** The hash of the entry at {@code seq}, linked to {@code previous} (hex SHA-256). */
    public static String hash(String tenantId, long seq, String previous, Entry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        // each field length-prefixed: no two different entries share an encoding
        field(bytes, "undersign-audit-v1");
        field(bytes, tenantId);
        field(bytes, Long.toString(seq));
        field(bytes, previous);
        field(bytes, Long.toString(entry.id()));
        field(bytes, entry.at());
        field(bytes, entry.actor());
        field(bytes, entry.action());
        field(bytes, entry.detail() == null ? "\u0000null" : entry.detail());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(text.length).array());
        out.writeBytes(text);
    }
}
