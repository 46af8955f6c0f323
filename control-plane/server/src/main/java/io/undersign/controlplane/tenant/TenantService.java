package io.undersign.controlplane.tenant;

import io.undersign.controlplane.evidence.EvidenceQueues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undersign.controlplane.api.DomainException;
import io.undersign.controlplane.api.ValidationException;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.driver.DnsRegistrar;
import io.undersign.controlplane.operation.Idempotency;
import io.undersign.controlplane.operation.Operation;
import io.undersign.controlplane.operation.OperationKind;
import io.undersign.controlplane.operation.OperationService;
import io.undersign.controlplane.operation.OperationStore;
import io.undersign.controlplane.operation.OperationView;
import io.undersign.controlplane.security.Caller;
import io.undersign.contract.TenantIds;
import io.undersign.http.Cursors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

/** The tenant registry's business rules: validation before provisioning, and lifecycle actions. */
@ApplicationScoped
public class TenantService {
    @Inject
    TenantRepository tenants;

    @Inject
    OperationService operations;

    @Inject
    OperationStore operationStore;

    @Inject
    Idempotency idempotency;

    @Inject
    DnsRegistrar dns;

    @Inject
    EndpointUrls endpoints;

    @Inject
    UndersignConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    EvidenceQueues evidenceQueues;

    @Inject
    io.undersign.controlplane.release.DefaultRelease defaultRelease;

    @Inject
    io.undersign.controlplane.runtime.RuntimeInstances runtimeInstances;

    @Inject
    io.undersign.controlplane.runtime.RuntimeSupervisions supervisions;

    /** Registers the tenant and starts onboarding it; the same key and request again answer the same operation. */
    @Transactional
    public Accepted create(CreateTenantRequest request, String idempotencyKey, Caller caller) {
        String actor = caller.name();
        Operation op = idempotency.once(idempotencyKey, caller.idempotencyScope(), "POST /tenants " + canonical(request), () -> {
            Tenant tenant = register(request);
            return operations.start(tenant.id, OperationKind.ONBOARD, actor);
        });
        return accepted(op);
    }

    @Inject
    io.undersign.controlplane.release.ReleaseService releases;

    @Transactional
    public Accepted act(String id, TenantAction action, String idempotencyKey, Caller caller) {
        String actor = caller.name();
        Operation op = idempotency.once(idempotencyKey, caller.idempotencyScope(), "POST /tenants/" + id + "/" + action.path, () -> {
            Tenant tenant = tenants.require(id);
            return switch (action) {
                case SUSPEND -> startIf(tenant, EnumSet.of(TenantStatus.ACTIVE), OperationKind.SUSPEND, action, actor);
                case RESUME -> startIf(tenant, EnumSet.of(TenantStatus.SUSPENDED), OperationKind.RESUME, action, actor);
                // from FAILED too: offboarding removes whatever an operation that failed had made
                case OFFBOARD -> startIf(tenant, EnumSet.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.FAILED),
                        OperationKind.OFFBOARD, action, actor);
                case RETRY -> {
                    if (tenant.status != TenantStatus.FAILED) {
                        throw new IllegalTransitionException(id, tenant.status, "retry");
                    }
                    yield operations.retry(tenant.id);
                }
            };
        });
        return accepted(op);
    }

    /** Moves an ACTIVE tenant to {@code releaseId} with no downtime (an UPGRADE operation); {@code null}: back to its previous release. */
    @Transactional
    public Accepted upgrade(String id, String releaseId, String idempotencyKey, Caller caller) {
        Operation op = idempotency.once(idempotencyKey, caller.idempotencyScope(),
                "POST /tenants/" + id + (releaseId == null ? "/rollback" : "/upgrade " + releaseId), () -> {
                    Tenant tenant = tenants.require(id);
                    String target = releaseId;
                    if (target == null) {
                        if (tenant.previousRelease == null) {
                            throw new io.undersign.controlplane.api.DomainException(io.undersign.controlplane.api.DomainException.Kind.CONFLICT,
                                    "no-previous-release", "id", "Tenant '" + id + "' has no previous release to go back to");
                        }
                        target = tenant.previousRelease;
                    }
                    releases.require(target);
                    releases.whyNotMovable(tenant, target).ifPresent(why -> {
                        throw new io.undersign.controlplane.api.DomainException(io.undersign.controlplane.api.DomainException.Kind.CONFLICT,
                                "schema-contracted", "release", why);
                    });
                    if (target.equals(tenant.currentRelease)) {
                        throw new io.undersign.controlplane.api.DomainException(io.undersign.controlplane.api.DomainException.Kind.CONFLICT,
                                "already-on-release", "release", "Tenant '" + id + "' already runs release " + target);
                    }
                    if (tenant.status != TenantStatus.ACTIVE) {
                        throw new IllegalTransitionException(id, tenant.status, releaseId == null ? "rollback" : "upgrade");
                    }
                    return operations.start(tenant.id, OperationKind.UPGRADE, caller.name(), target);
                });
        return accepted(op);
    }

    private Accepted accepted(Operation op) {
        return new Accepted(view(tenants.require(op.tenantId)), OperationView.of(op, json));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TenantView show(String id) {
        Tenant tenant = tenants.require(id);
        boolean gone = tenant.status == TenantStatus.OFFBOARDED;
        return view(tenant, gone ? null : evidenceQueues.of(id), gone || "aws".equals(config.driver()) ? null
                : io.undersign.controlplane.runtime.RuntimeState.of(runtimeInstances.find(id).orElse(null), supervisions.find(id).orElse(null)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TenantPage list(TenantStatus status, String tag, String cursor, int limit) {
        List<String> after = Cursors.decode(cursor, 1, key -> TenantIds.wellFormed(key.get(0)));
        if (tag != null) {
            TenantTags.require(tag, "tag");
        }
        Cursors.Slice<Tenant> page = Cursors.slice(tenants.page(status, tag, after == null ? null : after.get(0), limit + 1), limit,
                t -> List.of(t.id));
        return new TenantPage(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    /** Puts {@code tag} on the tenant (already there: nothing changes). An offboarded tenant keeps its last tags. */
    @Transactional
    public TenantView tag(String id, String tag) {
        Tenant tenant = taggable(id, tag);
        if (!tenant.tags.contains(tag)) {
            java.util.TreeSet<String> next = new java.util.TreeSet<>(tenant.tags);
            next.add(tag);
            TenantTags.requireRoomFor(next, "tag");
            tenant.tags.add(tag);
        }
        return view(tenant);
    }

    /** Takes {@code tag} off the tenant (not there: nothing changes). */
    @Transactional
    public TenantView untag(String id, String tag) {
        Tenant tenant = taggable(id, tag);
        tenant.tags.remove(tag);
        return view(tenant);
    }

    private Tenant taggable(String id, String tag) {
        TenantTags.require(tag, "tag");
        Tenant tenant = tenants.require(id);
        if (tenant.status == TenantStatus.OFFBOARDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "tenant-offboarded", "id", "Tenant " + id + " is offboarded");
        }
        return tenant;
    }

    private TenantView view(Tenant tenant) {
        return view(tenant, null, null);
    }

    private TenantView view(Tenant tenant, EvidenceQueues.Stats queues, io.undersign.controlplane.runtime.RuntimeState runtime) {
        OperationView latest = operationStore.findLatest(tenant.id).map(o -> OperationView.of(o, json)).orElse(null);
        return new TenantView(tenant.id, tenant.displayName, tenant.brandColour, tenant.tier, tenant.region, tenant.status, tenant.currentRelease,
                tenant.previousRelease, tenant.tags.stream().sorted().toList(), tenant.tlsPolicy, TlsPolicies.of(tenant.tlsPolicy), tenant.contactEmail, endpoints.of(tenant), tenant.createdAt, tenant.updatedAt, latest, queues, runtime);
    }

    private Operation startIf(Tenant tenant, Set<TenantStatus> allowed, OperationKind kind, TenantAction action, String actor) {
        if (!allowed.contains(tenant.status)) {
            throw new IllegalTransitionException(tenant.id, tenant.status, action.path);
        }
        return operations.start(tenant.id, kind, actor);
    }

    private Tenant register(CreateTenantRequest request) {
        String region = request.region() == null ? config.regions().get(0) : request.region();
        if (!config.regions().contains(region)) {
            throw new ValidationException("region", "Unknown region '" + region + "'; known: " + String.join(", ", config.regions()));
        }
        String tlsPolicy = request.tlsPolicy() == null ? config.defaultTlsPolicy() : request.tlsPolicy();
        if (!TlsPolicies.KNOWN.contains(tlsPolicy)) {
            throw new ValidationException("tlsPolicy", "Unknown TLS policy '" + tlsPolicy + "'; known: " + String.join(", ", TlsPolicies.KNOWN));
        }
        tenants.findByIdOptional(request.id()).ifPresent(existing -> {
            String why = existing.status == TenantStatus.OFFBOARDED
                    ? "belonged to a tenant that was offboarded; its data is retained, so the id cannot be reused"
                    : "is taken";
            throw new ValidationException(DomainException.Kind.CONFLICT, "tenant-id-taken", "id",
                    "Tenant id '" + request.id() + "' " + why);
        });
        String interviewHost = endpoints.interviewHost(request.id());
        String apiHost = endpoints.apiHost(request.id());
        for (String host : List.of(interviewHost, apiHost)) {
            if (tenants.findByHost(host).isPresent() || !dns.isFree(host)) {
                throw new ValidationException(DomainException.Kind.CONFLICT, "host-name-taken", "id",
                        "Host name '" + host + "' is already in use");
            }
        }
        Instant now = clock.instant();
        Tenant tenant = new Tenant();
        tenant.id = request.id();
        tenant.displayName = request.displayName().strip();
        tenant.brandColour = request.brandColour() == null ? null : request.brandColour().toLowerCase(java.util.Locale.ROOT);
        tenant.tier = request.tier() == null ? "silo" : request.tier();
        tenant.region = region;
        tenant.status = TenantStatus.REQUESTED;
        tenant.tlsPolicy = tlsPolicy;
        tenant.contactEmail = request.contactEmail();
        tenant.tags = TenantTags.requireAll(request.tags(), "tags");
        // a tenant runs a release from its first day when the platform has a default one
        tenant.currentRelease = defaultRelease.get().orElse(null);
        tenant.interviewHost = interviewHost;
        tenant.apiHost = apiHost;
        tenant.createdAt = now;
        tenant.updatedAt = now;
        tenants.persist(tenant);
        return tenant;
    }

    private String canonical(Object request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
