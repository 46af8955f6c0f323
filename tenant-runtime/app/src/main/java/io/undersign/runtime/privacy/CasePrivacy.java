package io.undersign.runtime.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.undersign.privacy.CaseErasure;
import io.undersign.privacy.ErasureReceipt;
import io.undersign.privacy.SubjectAccess;
import io.undersign.runtime.cases.CaseIds;
import io.undersign.runtime.cases.CaseNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** Erasure and subject access through the integrator API (the control plane's CLI runs the same code on the database). */
@ApplicationScoped
public class CasePrivacy {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CaseCrypto crypto;

    @Inject
    Clock clock;

    /** Erases the case's health data (idempotent: a second call gives the first receipt). */
    @Transactional
    public ErasureReceipt.Signed erase(String caseId, String reason, String requestedBy) {
        requireWellFormed(caseId);
        try (Connection c = dataSource.getConnection()) {
            ErasureReceipt.Signed receipt = CaseErasure.erase(c, crypto.ring(), caseId, reason, requestedBy, clock.instant())
                    .orElseThrow(() -> new CaseNotFoundException(caseId));
            crypto.forget(caseId);
            return receipt;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase case " + caseId + ": " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ErasureReceipt.Signed> receipt(String caseId) {
        requireWellFormed(caseId);
        try (Connection c = dataSource.getConnection()) {
            return CaseErasure.receipt(c, caseId);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Everything held about the case, read in one snapshot. */
    @Transactional
    public ObjectNode subjectAccess(String caseId) {
        requireWellFormed(caseId);
        try (Connection c = dataSource.getConnection()) {
            return SubjectAccess.of(c, crypto.ring(), caseId, clock.instant()).orElseThrow(() -> new CaseNotFoundException(caseId));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void requireWellFormed(String caseId) {
        if (!CaseIds.wellFormed(caseId)) {
            throw new CaseNotFoundException(caseId);
        }
    }
}
