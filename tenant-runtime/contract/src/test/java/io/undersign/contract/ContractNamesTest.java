package io.undersign.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names are a contract with things outside this repository (providers, AMIs, buckets): they must not drift. */
class ContractNamesTest {

    @Test
    void evidenceQueuesAreTheDocumentedOnes() {
        EvidenceQueues acme = EvidenceQueues.of("acme");
        assertThat(acme.requests()).isEqualTo("undersign.acme.evidence.requests");
        assertThat(acme.results()).isEqualTo("undersign.acme.evidence.results");
        assertThat(acme.deadLetters()).isEqualTo("undersign.acme.evidence.results.DLQ");
        assertThat(acme.requests()).startsWith(EvidenceQueues.destinationPrefix("acme")).endsWith(EvidenceQueues.REQUESTS);
    }

    @Test
    void siloNamesAreUnderTheTenantsOwnPrefixes() {
        assertThat(SiloNames.brokerSecret("acme")).isEqualTo("undersign/acme/broker").startsWith(SiloNames.secretPrefix("acme"));
        assertThat(SiloNames.databaseSecret("acme")).isEqualTo("undersign/acme/db").startsWith(SiloNames.secretPrefix("acme"));
        assertThat(SiloNames.parameterPath("acme")).isEqualTo("/undersign/acme/");
        assertThat(SiloNames.clientCaKey("acme")).isEqualTo("tenants/acme/client-ca.pem").startsWith(SiloNames.trustFilesPrefix("acme"));
        assertThat(SiloNames.revocationListKey("acme", 7)).isEqualTo("tenants/acme/revocations/7.crl.pem");
        assertThat(SiloNames.trustStore("acme")).isEqualTo("us-acme-api");
    }
}
