package io.undersign.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantProfileTest {

    @Test
    void hostileTextTravelsAsInertCharactersAndComesBackExactly() {
        String hostile = "Z${UNDERSIGN_ADMIN_TOKEN}Z \"quoted\" $(id) `id` \\n\n\u202e\u00e9\u4e2d";
        String encoded = TenantProfile.encode(hostile);
        assertThat(encoded).matches("[A-Za-z0-9+/=]+");
        assertThat(TenantProfile.decode(encoded)).isEqualTo(hostile);
    }

    @Test
    void theColourIsLeftOutWhenTheTenantHasNone() {
        assertThat(TenantProfile.environment("Acme", null)).containsOnlyKeys(TenantProfile.DISPLAY_NAME_VARIABLE);
        assertThat(TenantProfile.environment("Acme", "#123456")).containsOnlyKeys(TenantProfile.DISPLAY_NAME_VARIABLE,
                TenantProfile.COLOUR_VARIABLE);
    }
}
