package io.undersign.controlplane.broker;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.apache.activemq.broker.Broker;
import org.apache.activemq.broker.ConnectionContext;
import org.apache.activemq.command.ConnectionInfo;
import org.apache.activemq.security.AbstractAuthenticationBroker;
import org.apache.activemq.security.SecurityContext;

/**
 * Authenticates broker connections against the tenant broker users of the control-plane
 * database; an authenticated user belongs to its tenant's group and to {@link BrokerGroup#USERS}.
 */
class TenantAuthenticationBroker extends AbstractAuthenticationBroker {
    private final BrokerAccounts accounts;

    TenantAuthenticationBroker(Broker next, BrokerAccounts accounts) {
        super(next);
        this.accounts = accounts;
    }

    @Override
    public void addConnection(ConnectionContext context, ConnectionInfo info) throws Exception {
        SecurityContext securityContext = context.getSecurityContext();
        if (securityContext == null) {
            securityContext = authenticate(info.getUserName(), info.getPassword(), null);
            context.setSecurityContext(securityContext);
            securityContexts.add(securityContext);
        }
        try {
            super.addConnection(context, info);
        } catch (Exception e) {
            securityContexts.remove(securityContext);
            context.setSecurityContext(null);
            throw e;
        }
    }

    @Override
    public SecurityContext authenticate(String username, String password, X509Certificate[] certificates) {
        if (username == null || password == null) {
            throw new SecurityException("User name and password are required");
        }
        BrokerAccounts.Account account = accounts.find(username)
                .filter(a -> io.undersign.controlplane.secret.Passwords.verify(password, a.passwordHash()))
                .orElseThrow(() -> new SecurityException("User name [" + username + "] or password is invalid."));
        BrokerGroup group = BrokerAccounts.PROVIDER.equals(account.role())
                ? BrokerGroup.ofProvider(account.tenantId()) : BrokerGroup.ofTenant(account.tenantId());
        Set<Principal> principals = Set.of(group, BrokerGroup.USERS);
        return new SecurityContext(username) {
            @Override
            public Set<Principal> getPrincipals() {
                return principals;
            }
        };
    }
}
