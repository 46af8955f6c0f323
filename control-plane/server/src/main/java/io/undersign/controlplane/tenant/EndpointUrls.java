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

    public TenantView.Endpoints of(Tenant tenant) {
        return new TenantView.Endpoints(url(tenant.interviewHost), url(tenant.apiHost));
    }

    private String url(String host) {
        if ("local".equals(config.driver())) {
            return "http://" + host + ":" + config.edge().port() + "/";
        }
        return "https://" + host + "/";
    }
}
