package io.undersign.controlplane.tenant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** One page of tenants; pass {@code nextCursor} back as {@code cursor} for the next page (null at the end). */
public record TenantPage(List<TenantView> items, @Schema(nullable = true) String nextCursor) {
}
