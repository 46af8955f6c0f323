package io.undersign.controlplane.oncall;

import io.quarkus.security.identity.SecurityIdentity;
import io.undersign.controlplane.api.ValidationException;
import io.undersign.controlplane.audit.Audited;
import io.undersign.controlplane.incident.IncidentResource.DeliveryView;
import io.undersign.controlplane.security.Role;
import io.undersign.http.QueryParams;
import io.undersign.oncall.Interval;
import io.undersign.oncall.Member;
import io.undersign.oncall.OnCall;
import io.undersign.oncall.Rota;
import io.undersign.oncall.Shift;
import io.undersign.oncall.SmsBudget;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rota and its deliveries: who is on call, members, rotations, overrides and swaps, imports, SMS spend. */
@Path("/api/v1/oncall")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OncallResource {

    @Inject
    OncallAdmin admin;

    @Inject
    RotaStore store;

    @Inject
    SubscriptionSync sync;

    @Inject
    SmsBudgetWatch budget;

    @Inject
    Acknowledgements acks;

    @Inject
    InboundTexts inbound;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    public record MemberView(String id, String name, String phone, @Schema(nullable = true) String email, String zone, boolean p2) {
        static MemberView of(OncallMember m) {
            return new MemberView(m.id, m.name, m.phone, m.email, m.zone, m.p2Subscriber);
        }

        static MemberView of(Member m, boolean p2) {
            return new MemberView(m.id(), m.name(), m.phone(), m.email(), m.zone().getId(), p2);
        }
    }

    public record WhoView(Instant at, @Schema(nullable = true) MemberView primary, @Schema(nullable = true) MemberView secondary,
            @Schema(nullable = true) MemberView manager, List<MemberView> p2) {
    }

    public record RotationView(String role, List<String> members, String firstHandover, String handoverTime, String zone, int shiftDays) {
        static RotationView of(OncallRotation r) {
            return new RotationView(r.role.name().toLowerCase(Locale.ROOT), r.memberIds(), r.firstHandover.toString(), r.handoverTime.toString(),
                    r.zone, r.shiftDays);
        }
    }

    public record OverrideView(String id, String role, String member, Instant from, Instant to, String reason, String createdBy) {
        static OverrideView of(OncallOverride o) {
            return new OverrideView(o.id, o.role.name().toLowerCase(Locale.ROOT), o.memberId, o.startsAt, o.endsAt, o.reason, o.createdBy);
        }
    }

    public record ShiftView(String role, String member, Instant from, Instant to, String source) {
    }

    public record GapView(String role, Instant from, Instant to) {
    }

    public record RotaView(List<MemberView> members, List<RotationView> rotations, List<OverrideView> overrides, List<ShiftView> shifts,
            List<GapView> gaps) {
    }

    public record SpendView(BigDecimal spentUsd, BigDecimal budgetUsd, BigDecimal fraction, String level) {
    }

    public record SyncView(List<String> subscribed, List<String> unsubscribed, int subscriptions) {
    }

    public record Answer(@Schema(nullable = true) String keypad) {
    }

    public record InboundView(String outcome, String detail, @Schema(nullable = true) Long incident) {
    }

    @GET
    @Path("/who")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "whoIsOnCall", summary = "Who is on call now, or at any instant (?at=)")
    public WhoView who(@QueryParam("at") String at) {
        Instant when = at == null || at.isBlank() ? clock.instant() : instant(at, "at");
        Rota rota = store.load(when);
        OnCall who = rota.who(when);
        return new WhoView(when, member(who.primary(), rota), member(who.secondary(), rota), member(who.manager(), rota),
                who.p2().stream().map(m -> MemberView.of(m, true)).toList());
    }

    @GET
    @Path("/rota")
    @RolesAllowed(Role.VIEWER_NAME)
    @Transactional
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "showRota",
            summary = "The rota: members, rotations, overrides, and every line's shifts and gaps over [from, to) (default: the next 14 days)")
    public RotaView rota(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = from == null || from.isBlank() ? clock.instant() : instant(from, "from");
        Instant end = to == null || to.isBlank() ? start.plus(Duration.ofDays(14)) : instant(to, "to");
        if (!end.isAfter(start) || Duration.between(start, end).toDays() > 366) {
            throw new ValidationException("to", "to is after from, at most a year later");
        }
        Rota rota = store.load(start);
        List<ShiftView> shifts = new java.util.ArrayList<>();
        List<GapView> gaps = new java.util.ArrayList<>();
        for (io.undersign.oncall.Role role : io.undersign.oncall.Role.values()) {
            String name = role.name().toLowerCase(Locale.ROOT);
            for (Shift s : rota.timeline(role, start, end)) {
                shifts.add(new ShiftView(name, s.memberId(), s.start(), s.end(), s.source().name().toLowerCase(Locale.ROOT)));
            }
            for (Interval g : rota.gaps(role, start, end)) {
                gaps.add(new GapView(name, g.start(), g.end()));
            }
        }
        return new RotaView(store.members().stream().map(MemberView::of).toList(),
                em.createQuery("from OncallRotation order by role", OncallRotation.class).getResultList().stream().map(RotationView::of).toList(),
                em.createQuery("from OncallOverride where endsAt > ?1 and startsAt < ?2 order by startsAt", OncallOverride.class)
                        .setParameter(1, start).setParameter(2, end).getResultList().stream().map(OverrideView::of).toList(),
                shifts, gaps);
    }

    @GET
    @Path("/members")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listOncallMembers", summary = "Everyone on the rota")
    public List<MemberView> members() {
        return store.members().stream().map(MemberView::of).toList();
    }

    @POST
    @Path("/members")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.member.create")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createOncallMember", summary = "Add a member (phone in E.164, a named time zone)")
    public Response createMember(@Valid @NotNull OncallAdmin.MemberRequest request) {
        MemberView view = MemberView.of(admin.createMember(request));
        sync.syncQuietly();
        return Response.created(java.net.URI.create("/api/v1/oncall/members/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("/members/{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.member.update")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "updateOncallMember", summary = "Change a member (fields left out stay)")
    public MemberView updateMember(@PathParam("id") String id, @Valid @NotNull OncallAdmin.MemberRequest request) {
        MemberView view = MemberView.of(admin.updateMember(id, request));
        sync.syncQuietly();
        return view;
    }

    @DELETE
    @Path("/members/{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.member.remove")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "removeOncallMember", summary = "Remove a member who is on no rotation and covers no shift to come")
    public Response removeMember(@PathParam("id") String id) {
        admin.removeMember(id);
        sync.syncQuietly();
        return Response.noContent().build();
    }

    @PUT
    @Path("/rotations/{role}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.rotation.set")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "setOncallRotation",
            summary = "Set a line's rotation (primary, secondary, manager): members in order, first hand-over date, time, zone, days per shift")
    public RotationView setRotation(@PathParam("role") String role, @Valid @NotNull OncallAdmin.RotationRequest request) {
        return RotationView.of(admin.setRotation(role, request));
    }

    @POST
    @Path("/overrides")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.override.create")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createOncallOverride", summary = "Someone else holds a line over [from, to)")
    public Response addOverride(@Valid @NotNull OncallAdmin.OverrideRequest request) {
        OverrideView view = OverrideView.of(admin.addOverride(request, identity.getPrincipal().getName()));
        return Response.status(201).entity(view).build();
    }

    @POST
    @Path("/swaps")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.swap")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "swapOncallShifts",
            summary = "Two members trade a line over [from, to): wherever one holds it, the other does (made as overrides)")
    public Response swap(@Valid @NotNull OncallAdmin.SwapRequest request) {
        return Response.status(201).entity(admin.swap(request, identity.getPrincipal().getName()).stream().map(OverrideView::of).toList()).build();
    }

    @DELETE
    @Path("/overrides/{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.override.remove")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "removeOncallOverride", summary = "Take an override back")
    public Response removeOverride(@PathParam("id") String id) {
        admin.removeOverride(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/import/members")
    @Consumes("text/csv")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.import.members")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "importOncallMembers", summary = "Members from CSV: name,phone,email,zone (all or none)")
    public Response importMembers(String csv) {
        List<MemberView> created = admin.importMembers(csv).stream().map(MemberView::of).toList();
        sync.syncQuietly();
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("/import/overrides")
    @Consumes({"text/csv", "text/calendar"})
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.import.overrides")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "importOncallOverrides",
            summary = "Overrides from CSV (role,member,from,to,reason) or from iCalendar (role=, and the window from= to=, default the next 90 days)")
    public Response importOverrides(String body, @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, @QueryParam("role") String role,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String format = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/calendar") ? "ical" : "csv";
        return Response.status(201).entity(admin.importOverrides(body, format, role, from == null ? null : instant(from, "from"),
                to == null ? null : instant(to, "to"), identity.getPrincipal().getName()).stream().map(OverrideView::of).toList()).build();
    }

    @GET
    @Path("/spend")
    @RolesAllowed(Role.VIEWER_NAME)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "oncallSmsSpend", summary = "Month-to-date SMS spend against the monthly budget")
    public SpendView spend() {
        SmsBudget.Status status = budget.check();
        return new SpendView(status.spentUsd(), status.budgetUsd(), status.fraction(), status.level().name());
    }

    @POST
    @Path("/sync")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.sync")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "syncOncallSubscriptions",
            summary = "Make the SMS topic's subscriptions the P2 subscribers' phones (idempotent; also done on every rota change)")
    public SyncView sync() {
        SubscriptionSync.Result r = sync.sync();
        return new SyncView(List.copyOf(r.subscribed()), List.copyOf(r.unsubscribed()), r.now().size());
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed(Role.VIEWER_NAME)
    @Transactional
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listOncallDeliveries", summary = "Calls and texts sent, newest first")
    public List<DeliveryView> deliveries(@QueryParam("limit") @DefaultValue("50") String limit) {
        return em.createQuery("from OncallDelivery order by createdAt desc, id", OncallDelivery.class)
                .setMaxResults(QueryParams.limit(limit, 50, 500)).getResultList().stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("/calls/{id}/answer")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.call.answer")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "answerOncallCall",
            summary = "A call's answer as its contact flow reports it (or a person on this machine): keypad 1 acknowledges the incident")
    public DeliveryView answer(@PathParam("id") String id, @Valid @NotNull Answer answer) {
        return DeliveryView.of(acks.answer(id, answer.keypad() == null ? "" : answer.keypad(), identity.getPrincipal().getName()));
    }

    @POST
    @Path("/sms/inbound")
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("oncall.sms.inbound")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "inboundOncallSms",
            summary = "A text to the platform's number as a Pinpoint two-way SMS event: ACK <code> from a rota member acknowledges; other text is forwarded")
    public InboundView inbound(String event) {
        InboundTexts.Handled h = inbound.handle(event);
        return new InboundView(h.outcome().name(), h.detail(), h.incidentId());
    }

    private static MemberView member(Optional<Member> m, Rota rota) {
        return m.map(x -> MemberView.of(x, rota.p2Subscribers().contains(x))).orElse(null);
    }

    private static Instant instant(String text, String field) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "'" + text + "' is not a time like 2026-12-07T09:00:00Z");
        }
    }
}
