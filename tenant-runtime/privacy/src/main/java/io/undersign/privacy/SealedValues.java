package io.undersign.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens sealed values read straight from a tenant's tables (an export, a subject access request),
 * each with its case's data key, unwrapped once per case. A value whose case key is gone (erased)
 * opens to nothing, never to its ciphertext.
 */
public final class SealedValues {
    private final Connection connection;
    private final TenantKeyring ring;
    private final Map<String, Optional<CaseKey>> keys = new HashMap<>();

    public SealedValues(Connection connection, TenantKeyring ring) {
        this.connection = connection;
        this.ring = ring;
    }

    /** The plaintext of {@code table.column}'s value of case {@code caseId}; a value in the clear as it is; null when its key is gone. */
    public String open(String table, String column, String caseId, String stored) throws SQLException {
        if (!CaseKey.isSealed(stored)) {
            return stored;
        }
        String field = SealedColumns.field(table, column)
                .orElseThrow(() -> new KeyUnavailableException(table + "." + column + " holds a sealed value but is not a sealed column"));
        Optional<CaseKey> key = keys.get(caseId);
        if (key == null) {
            key = CaseKeys.find(connection, ring.store(), caseId).map(wrapped -> CaseKey.open(ring, caseId, wrapped));
            keys.put(caseId, key);
        }
        return key.map(k -> k.open(field, stored)).orElse(null);
    }
}
