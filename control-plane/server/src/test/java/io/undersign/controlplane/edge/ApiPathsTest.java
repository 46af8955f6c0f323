package io.undersign.controlplane.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cases", "/api", "/API/v1/cases", "//api/v1/cases", "/./api/v1/cases",
            "/interview/../api/v1/cases", "/%61pi/v1/cases", "/%2561pi/v1/cases", "/api;x=1/v1/cases", "/%2Fapi/v1/cases",
            "/api%2Fv1/cases", "/%zz"})
    void spellingsOfTheApiAreRecognised(String path) {
        assertThat(ApiPaths.reachesApi(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/interview", "/interview/start", "/q/health/ready", "/apis", "/rapi/v1", "/interview/api",
            "/ping", "/api-docs"})
    void otherPathsAreNot(String path) {
        assertThat(ApiPaths.reachesApi(path)).isFalse();
    }
}
