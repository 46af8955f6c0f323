package io.undersign.runtime.workbench;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.undersign.runtime.cases.CaseIds;
import io.undersign.runtime.cases.CaseNotFoundException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The insurer's underwriters' workbench on the interview host: the queue, a case, and the actions
 * on it. Server-rendered forms (no script needed); every page first asks who is signed in, so an
 * unknown person is sent to the tenant's identity provider and a tenant without one meets a page
 * that says the workbench is closed.
 */
@Path("/workbench")
@Produces(MediaType.TEXT_HTML)
public class WorkbenchResource {
    private static final Set<String> ASSIGNEES = Set.of("all", "mine", "unassigned");
    private static final Set<String> SORTS = Set.of("due", "age");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(WorkbenchViews.QueueView view);

        static native TemplateInstance casePage(WorkbenchViews.CaseView view);

        static native TemplateInstance authority(WorkbenchViews.AuthorityView view);

        static native TemplateInstance closed(WorkbenchViews.ClosedView view);
    }

    @Inject
    CurrentUnderwriter current;

    @Inject
    Workbench workbench;

    @Inject
    WorkbenchPages pages;

    @Inject
    Clock clock;

    @GET
    public Response queue(@QueryParam("reason") String reason, @QueryParam("assignee") String assignee,
            @QueryParam("overdue") String overdue, @QueryParam("sort") String sort) {
        Underwriter me = signedIn();
        List<String> problems = new ArrayList<>();
        String r = blankToNull(reason);
        if (r != null && !WorkbenchPages.REASONS.containsKey(r)) {
            problems.add("reason: choose one of the listed reasons");
            r = null;
        }
        String a = blankToNull(assignee) == null ? "all" : assignee;
        if (!ASSIGNEES.contains(a)) {
            problems.add("assignee: choose everyone's, mine or nobody's");
            a = "all";
        }
        String s = blankToNull(sort) == null ? "due" : sort;
        if (!SORTS.contains(s)) {
            problems.add("sort: choose due soonest or waiting longest");
            s = "due";
        }
        var query = new WorkbenchStore.QueueQuery(r, a, me.id(), "on".equals(overdue), s, clock.instant());
        return Response.status(problems.isEmpty() ? 200 : 400).entity(Templates.queue(pages.queue(me, query, problems))).build();
    }

    @GET
    @Path("/authority")
    public TemplateInstance authority() {
        return Templates.authority(pages.authority(signedIn()));
    }

    @GET
    @Path("/cases/{id}")
    public TemplateInstance casePage(@PathParam("id") String id) {
        Underwriter me = signedIn();
        return Templates.casePage(pages.casePage(me, caseId(id), List.of(), WorkbenchViews.FormValues.EMPTY));
    }

    @POST
    @Path("/cases/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") String id) {
        Underwriter me = signedIn();
        workbench.claim(caseId(id), me);
        return toCase(id);
    }

    @POST
    @Path("/cases/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("id") String id) {
        Underwriter me = signedIn();
        workbench.release(caseId(id), me);
        return toCase(id);
    }

    @POST
    @Path("/cases/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") String id, @FormParam("body") String body) {
        Underwriter me = signedIn();
        workbench.note(caseId(id), body, me);
        return toCase(id);
    }

    @POST
    @Path("/cases/{id}/evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response evidence(@PathParam("id") String id, @FormParam("type") String type) {
        Underwriter me = signedIn();
        workbench.requestEvidence(caseId(id), type, me);
        return toCase(id);
    }

    @POST
    @Path("/cases/{id}/decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, @FormParam("outcome") String outcome, @FormParam("table") String table,
            @FormParam("exclusions") String exclusions, @FormParam("postponeMonths") String postponeMonths,
            @FormParam("reasonCode") String reasonCode, @FormParam("reasonText") String reasonText,
            @FormParam("sendForApproval") String sendForApproval) {
        Underwriter me = signedIn();
        String caseId = caseId(id);
        var form = new WorkbenchViews.FormValues(nz(outcome), nz(table), nz(exclusions), nz(postponeMonths), nz(reasonCode), nz(reasonText),
                "on".equals(sendForApproval));
        java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
        Integer tableNumber = number(table, "table", "Give the table rating as a whole number", byField);
        Integer months = number(postponeMonths, "postponeMonths", "Give the months as a whole number", byField);
        ManualDecision decision = new ManualDecision(blankToNull(outcome), tableNumber,
                exclusions == null ? List.of() : List.of(exclusions.split("\\R")), months, blankToNull(reasonCode), reasonText);
        decision.problems().forEach(byField::putIfAbsent);
        List<WorkbenchViews.Problem> problems = byField.entrySet().stream()
                .map(e -> new WorkbenchViews.Problem(e.getKey(), e.getValue())).toList();
        if (!problems.isEmpty()) {
            return Response.status(422).entity(Templates.casePage(pages.casePage(me, caseId, problems, form))).build();
        }
        try {
            workbench.decide(caseId, decision, form.sendForApproval(), me);
        } catch (WorkbenchRefusedException refused) {
            return refusedPage(me, refused, form);
        }
        return toCase(id);
    }

    @POST
    @Path("/cases/{id}/reviews/{review}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, @PathParam("review") long review) {
        Underwriter me = signedIn();
        workbench.approve(caseId(id), review, me);
        return toCase(id);
    }

    @POST
    @Path("/cases/{id}/reviews/{review}/send-back")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendBack(@PathParam("id") String id, @PathParam("review") long review) {
        Underwriter me = signedIn();
        workbench.reject(caseId(id), review, me);
        return toCase(id);
    }

    /** Several cases to one person at once, from the queue. */
    @POST
    @Path("/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@FormParam("case") List<String> caseIds, @FormParam("person") String person) {
        Underwriter me = signedIn();
        if (caseIds == null || caseIds.isEmpty()) {
            throw new WorkbenchRefusedException(null, "case: tick the cases to assign");
        }
        workbench.assign(caseIds.stream().map(WorkbenchResource::caseId).toList(), nz(person), me);
        return Response.seeOther(URI.create("/workbench")).build();
    }

    @GET
    @Path("/signed-out")
    public TemplateInstance signedOut() {
        return Templates.closed(new WorkbenchViews.ClosedView(pages.brand(), null, "You are signed out",
                "You have signed out of the underwriting workbench. Sign in again from /workbench."));
    }

    @ServerExceptionMapper
    public Response refused(WorkbenchRefusedException e) {
        Underwriter me = current.require();
        return refusedPage(me, e, WorkbenchViews.FormValues.EMPTY);
    }

    @ServerExceptionMapper
    public Response closed(WorkbenchClosedException e) {
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.closed(new WorkbenchViews.ClosedView(pages.brand(), null, "The workbench is closed",
                        e.getMessage() + ". Ask the platform's operators to connect " + pages.brand().name()
                                + "'s identity provider.")).render()).build();
    }

    private Response refusedPage(Underwriter me, WorkbenchRefusedException e, WorkbenchViews.FormValues form) {
        List<WorkbenchViews.Problem> problems = e.reasons().stream().map(r -> new WorkbenchViews.Problem(null, r)).toList();
        if (e.caseId() == null) {
            List<String> lines = e.reasons();
            var query = new WorkbenchStore.QueueQuery(null, "all", me.id(), false, "due", clock.instant());
            return Response.status(403).entity(Templates.queue(pages.queue(me, query, lines)).render()).type(MediaType.TEXT_HTML).build();
        }
        return Response.status(403).entity(Templates.casePage(pages.casePage(me, e.caseId(), problems, form)).render())
                .type(MediaType.TEXT_HTML).build();
    }

    private Underwriter signedIn() {
        Underwriter me = current.require();
        workbench.seen(me);
        return me;
    }

    private static String caseId(String id) {
        if (!CaseIds.wellFormed(id)) {
            throw new CaseNotFoundException(id);
        }
        return id;
    }

    private static Response toCase(String id) {
        return Response.seeOther(URI.create("/workbench/cases/" + id)).build();
    }

    private static Integer number(String text, String field, String message, java.util.Map<String, String> problems) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.put(field, message);
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
