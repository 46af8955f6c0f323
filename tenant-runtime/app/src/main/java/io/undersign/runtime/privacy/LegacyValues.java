package io.undersign.runtime.privacy;

import io.undersign.privacy.SealedColumns;
import io.undersign.runtime.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Seals health values that are still in the clear: those stored before sealing was on, and those an
 * older runtime writes while an upgrade runs beside it. A batch at a time, each value in its own
 * compare-and-set update (a value changed meanwhile is left for the next batch), the case's data
 * key made when it has none. Erased cases are left alone (what stays of them holds no health data).
 */
@ApplicationScoped
public class LegacyValues {
    public static final int BATCH = 100;

    /** Each sealed table's row key (SealedColumns names the same tables). */
    private static final Map<String, String> ROW_KEY = Map.of("case_file", "id", "case_decision", "id", "evidence_result", "request_id",
            "case_note", "id", "case_review", "id");

    @Inject
    Jdbc jdbc;

    @Inject
    CaseCrypto crypto;

    @Inject
    Clock clock;

    private record Clear(String table, String column, String rowKey, String caseId, String value) {
    }

    /** Seals up to {@link #BATCH} values in one transaction; returns how many it sealed. */
    @Transactional
    public int sealBatch() {
        int sealed = 0;
        for (Map.Entry<String, String> table : ROW_KEY.entrySet()) {
            for (String column : SealedColumns.columns(table.getKey())) {
                String caseColumn = SealedColumns.caseColumn(table.getKey());
                String join = "case_file".equals(table.getKey()) ? "" : " JOIN case_file c ON c.id = t." + caseColumn;
                String erased = "case_file".equals(table.getKey()) ? "t.erased_at" : "c.erased_at";
                List<Clear> clear = jdbc.query("SELECT t." + table.getValue() + ", t." + caseColumn + ", t." + column + " FROM " + table.getKey()
                        + " t" + join + " WHERE " + erased + " IS NULL AND t." + column + " IS NOT NULL AND t." + column
                        + " NOT LIKE 'tink1:%' LIMIT " + (BATCH - sealed),
                        r -> new Clear(table.getKey(), column, r.getString(1), r.getString(2), r.getString(3)));
                for (Clear c : clear) {
                    if (crypto.of(c.caseId()).isEmpty()) {
                        crypto.newCase(c.caseId(), clock.instant());
                    }
                    String field = SealedColumns.field(c.table(), c.column()).orElseThrow();
                    sealed += jdbc.update("UPDATE " + c.table() + " SET " + c.column() + " = ? WHERE " + ROW_KEY.get(c.table()) + " = ? AND "
                            + c.column() + " = ?", crypto.seal(c.caseId(), field, c.value()), c.rowKey(), c.value());
                }
                if (sealed >= BATCH) {
                    return sealed;
                }
            }
        }
        return sealed;
    }

}
