package io.undersign.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key hierarchy against a real key database on the MySQL-compatible server. */
class KeyHierarchyTest {
    private static final String SERVER = System.getenv().getOrDefault("UNDERSIGN_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306");
    private static final String SCHEMA = "privacy_test_" + UUID.randomUUID().toString().substring(0, 8) + "_keys";
    private static Connection c;

    @BeforeAll
    static void keyDatabase() throws Exception {
        c = DriverManager.getConnection(SERVER + "/", "root", "");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + SCHEMA + "`");
            s.execute("USE `" + SCHEMA + "`");
            for (String statement : Files.readString(Path.of("../../migrations/src/main/resources/db/tenant-keys/V1__key_store.sql"))
                    .split(";\\s*\\n")) {
                if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    @AfterAll
    static void drop() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + SCHEMA + "`");
        }
        c.close();
    }

    /** Each test its own keysets (one key database holds one tenant's). */
    @org.junit.jupiter.api.BeforeEach
    void noKeysets() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM `" + SCHEMA + "`.tenant_keyset");
        }
    }

    private static KeyStore store(String tenant) {
        return new KeyStore(tenant, SCHEMA);
    }

    @Test
    void aCaseKeySealsFieldsBoundToTenantCaseAndField() throws Exception {
        Aead root = RootKeys.local(RootKeys.newLocal());
        TenantKeyring ring = TenantKeyring.ensure(c, root, store("acme"));
        CaseKey.Made made = CaseKey.create(ring, "case-one-aaaaaaaaaaaaa");
        String sealed = made.key().seal("answers", "{\"diabetes\":\"type 2\"}");

        assertThat(sealed).startsWith("tink1:").doesNotContain("diabetes");
        CaseKey reopened = CaseKey.open(ring, "case-one-aaaaaaaaaaaaa", made.wrapped());
        assertThat(reopened.open("answers", sealed)).isEqualTo("{\"diabetes\":\"type 2\"}");
        // moved into another field, or the wrapped key given to another case: refused, never a wrong plaintext
        assertThatThrownBy(() -> reopened.open("evidence", sealed)).isInstanceOf(KeyUnavailableException.class);
        assertThatThrownBy(() -> CaseKey.open(ring, "case-two-aaaaaaaaaaaaa", made.wrapped())).isInstanceOf(KeyUnavailableException.class);
        // values stored before encryption was on are read as they are
        assertThat(reopened.open("answers", "{\"legacy\":true}")).isEqualTo("{\"legacy\":true}");
    }

    @Test
    void ensureIsIdempotentAndAnotherRootKeyOpensNothing() throws Exception {
        String rootKey = RootKeys.newLocal();
        TenantKeyring first = TenantKeyring.ensure(c, RootKeys.local(rootKey), store("idem"));
        TenantKeyring again = TenantKeyring.ensure(c, RootKeys.local(rootKey), store("idem"));
        assertThat(again.primaryKeyId()).isEqualTo(first.primaryKeyId());
        assertThat(again.receiptPublicKeyset()).isEqualTo(first.receiptPublicKeyset());

        // the keysets are bound to the tenant too: another tenant's name over the same rows does not open them
        assertThatThrownBy(() -> TenantKeyring.load(c, RootKeys.local(rootKey), store("other")))
                .isInstanceOf(KeyUnavailableException.class);
        assertThatThrownBy(() -> TenantKeyring.load(c, RootKeys.local(RootKeys.newLocal()), store("idem")))
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void rotationWrapsNewKeysWithTheNewKeyAndStillOpensOldOnes() throws Exception {
        Aead root = RootKeys.local(RootKeys.newLocal());
        TenantKeyring before = TenantKeyring.ensure(c, root, store("rot"));
        CaseKey.Made old = CaseKey.create(before, "case-old-aaaaaaaaaaaaa");
        String oldValue = old.key().seal("answers", "{\"bmi\":31}");

        TenantKeyring after = TenantKeyring.rotate(c, root, store("rot"), Instant.now());
        assertThat(after.keyCount()).isEqualTo(before.keyCount() + 1);
        assertThat(after.primaryKeyId()).isNotEqualTo(before.primaryKeyId());
        assertThat(CaseKey.open(after, "case-old-aaaaaaaaaaaaa", old.wrapped()).open("answers", oldValue)).isEqualTo("{\"bmi\":31}");

        CaseKey.Made fresh = CaseKey.create(after, "case-new-aaaaaaaaaaaaa");
        // a runtime still holding the keyring from before the rotation cannot open the new key: it reloads
        assertThatThrownBy(() -> CaseKey.open(before, "case-new-aaaaaaaaaaaaa", fresh.wrapped())).isInstanceOf(KeyUnavailableException.class);
        assertThat(TenantKeyring.load(c, root, store("rot")).orElseThrow().keyCount()).isEqualTo(2);
    }

    @Test
    void aDestroyedCaseKeyIsGoneAndTheReceiptIsSignedAndTamperEvident() throws Exception {
        Aead root = RootKeys.local(RootKeys.newLocal());
        TenantKeyring ring = TenantKeyring.ensure(c, root, store("erase"));
        CaseKey.Made made = CaseKey.create(ring, "case-era-aaaaaaaaaaaaa");
        CaseKeys.insert(c, ring.store(), "case-era-aaaaaaaaaaaaa", made.wrapped(), Instant.now());
        assertThat(CaseKeys.find(c, ring.store(), "case-era-aaaaaaaaaaaaa")).isPresent();
        assertThat(CaseKeys.destroy(c, ring.store(), "case-era-aaaaaaaaaaaaa")).isTrue();
        assertThat(CaseKeys.destroy(c, ring.store(), "case-era-aaaaaaaaaaaaa")).isFalse();
        assertThat(CaseKeys.find(c, ring.store(), "case-era-aaaaaaaaaaaaa")).isEmpty();

        ErasureReceipt receipt = new ErasureReceipt("r-1", "erase", "case-era-aaaaaaaaaaaaa", "POL-1", "2026-12-04T10:00:00Z",
                "applicant's request", "operator", List.of("answers"), List.of("outcome"), true);
        ErasureReceipt.Signed signed = receipt.sign(ring);
        assertThat(ErasureReceipt.verify(signed, ring.receiptPublicKeyset())).isTrue();
        ErasureReceipt changed = new ErasureReceipt("r-1", "erase", "case-era-aaaaaaaaaaaaa", "POL-1", "2026-12-04T10:00:00Z",
                "applicant's request", "operator", List.of(), List.of("outcome"), true);
        assertThat(ErasureReceipt.verify(new ErasureReceipt.Signed(changed, signed.signature(), signed.algorithm()),
                ring.receiptPublicKeyset())).isFalse();
        noKeysets();
        TenantKeyring other = TenantKeyring.ensure(c, RootKeys.local(RootKeys.newLocal()), store("erase-other"));
        assertThat(ErasureReceipt.verify(signed, other.receiptPublicKeyset())).isFalse();
    }
}
