package io.undersign.runtime;

import io.undersign.contract.TenantProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The insurer's name and colour as applicants see them. They are the tenant's own words, so they
 * never pass through the configuration (which expands {@code ${...}}): the runtime reads them from
 * its environment itself, as {@link TenantProfile} encodes them, and takes them as text.
 */
@ApplicationScoped
public class TenantBrand {
    static final String DEFAULT_COLOUR = "#1f4e79";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final String displayName;
    private final String colour;

    public TenantBrand() {
        this(System.getenv(TenantProfile.DISPLAY_NAME_VARIABLE), System.getenv(TenantProfile.COLOUR_VARIABLE));
    }

    TenantBrand(String encodedName, String encodedColour) {
        if (encodedName == null || encodedName.isBlank()) {
            throw new IllegalStateException(TenantProfile.DISPLAY_NAME_VARIABLE + " is not set: the control plane's deployer sets it");
        }
        this.displayName = TenantProfile.decode(encodedName);
        String given = Optional.ofNullable(encodedColour).filter(s -> !s.isBlank()).map(TenantProfile::decode).orElse(DEFAULT_COLOUR);
        // the colour lands in a style attribute: only a plain hex colour may
        this.colour = COLOUR.matcher(given).matches() ? given : DEFAULT_COLOUR;
    }

    public String displayName() {
        return displayName;
    }

    public String colour() {
        return colour;
    }
}
