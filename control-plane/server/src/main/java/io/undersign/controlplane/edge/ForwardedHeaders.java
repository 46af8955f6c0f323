package io.undersign.controlplane.edge;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Tells the runtime which public host and scheme the client used (as an ALB does), so the links
 * and redirects it builds point at the edge, never at the runtime's own port.
 */
class ForwardedHeaders implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        String scheme = client.scheme() == null ? "http" : client.scheme();
        if (client.authority() != null) {
            request.setAuthority(client.authority());
            request.headers().set("X-Forwarded-Host", client.authority().toString());
            int port = client.authority().port() > 0 ? client.authority().port() : "https".equals(scheme) ? 443 : 80;
            request.headers().set("X-Forwarded-Port", String.valueOf(port));
        }
        request.headers().set("X-Forwarded-Proto", scheme);
        request.headers().set("X-Forwarded-For", client.remoteAddress() == null ? "" : client.remoteAddress().host());
        return context.sendRequest();
    }
}
