package io.undersign.controlplane.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The control plane with the local identity provider: tenants onboarded here get a realm and a workbench. */
public class WorkbenchProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakServer.class));
    }
}
