package io.undersign.controlplane.tenant;

import io.undersign.controlplane.config.UndersignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Host names and public URLs of a tenant: {@code <app>.<tenant>.<zone>} and {@code api.<app>.<tenant>.<zone>}. */
@ApplicationScoped
public class EndpointUrls {

    @Inject
    UndersignConfig config;

    public String interviewHost(String tenantId) {
        return config.appName() + "." + tenantId + "." + config.zone();
    }

    public String apiHost(String tenantId) {
        return "api." + interviewHost(tenantId);
    }

    /** Public URLs: locally the edge's TLS listeners (interview and, with a client certificate, API). */
    public TenantView.Endpoints of(Tenant tenant) {
        if ("local".equals(config.driver())) {
            return new TenantView.Endpoints("https://" + tenant.interviewHost + ":" + config.edge().tlsPort() + "/",
                    "https://" + tenant.apiHost + ":" + config.edge().apiTlsPort() + "/");
        }
        return new TenantView.Endpoints("https://" + tenant.interviewHost + "/", "https://" + tenant.apiHost + "/");
    }
}
