package io.undersign.contract;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * What a tenant supplied about itself (its name, its colour), as it travels to the runtime. Such
 * text is data: it crosses environment files, shells and the runtime's configuration, each of
 * which would interpret {@code ${...}}, quotes or line breaks. So it travels base64-encoded, in
 * variables the runtime reads itself (outside its configuration), and is decoded there alone.
 */
public final class TenantProfile {
    /** The insurer's name as applicants see it, base64 (RFC 4648, UTF-8). */
    public static final String DISPLAY_NAME_VARIABLE = "UNDERSIGN_PROFILE_DISPLAY_NAME_B64";
    /** The main colour of the tenant's pages, base64; absent for the default colour. */
    public static final String COLOUR_VARIABLE = "UNDERSIGN_PROFILE_COLOUR_B64";

    private TenantProfile() {
    }

    public static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String encoded) {
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    /** The profile's variables for a runtime's environment. */
    public static Map<String, String> environment(String displayName, String colour) {
        return colour == null
                ? Map.of(DISPLAY_NAME_VARIABLE, encode(displayName))
                : Map.of(DISPLAY_NAME_VARIABLE, encode(displayName), COLOUR_VARIABLE, encode(colour));
    }
}
