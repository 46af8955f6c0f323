package io.undersign.runtime.api;

import io.undersign.runtime.privacy.CaseCrypto;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's privacy keys as integrators see them (a case's erasure and subject access are under its own path, CaseResource). */
@Path("/api/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    /** The public half of the tenant's receipts key (Tink JSON keyset): anyone can check a receipt with it. */
    public record ReceiptKey(String publicKeyset, String algorithm) {
    }

    @Inject
    CaseCrypto crypto;

    @GET
    @Path("/receipt-key")
    @Operation(operationId = "getReceiptKey", summary = "The public key erasure receipts are signed with")
    public ReceiptKey receiptKey() {
        return new ReceiptKey(crypto.ring().receiptPublicKeyset(), "Ed25519 (Tink)");
    }
}
