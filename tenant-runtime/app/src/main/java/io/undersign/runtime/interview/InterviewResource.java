package io.undersign.runtime.interview;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.undersign.engine.NextQuestions;
import io.undersign.engine.Rulebook;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import io.undersign.runtime.cases.CaseClosedException;
import io.undersign.runtime.cases.CaseNotFoundException;
import io.undersign.runtime.cases.CaseReads;
import io.undersign.runtime.cases.CaseView;
import io.undersign.runtime.cases.Channel;
import io.undersign.runtime.cases.PageDraft;
import io.undersign.runtime.cases.RulebookHolder;
import io.undersign.runtime.cases.StoredCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The applicant's interview, server-rendered and usable without JavaScript: page by page with
 * follow-ups as answers require, problems next to their fields, back and forward without losing
 * answers, resume by the case link, a review page, then the decision in plain words. Every POST
 * is answered with a redirect (problems included), so Back and Reload never resend a form.
 */
@Path("/interview")
@Produces(MediaType.TEXT_HTML)
public class InterviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Views.PageView view);

        static native TemplateInstance review(Views.ReviewView view);

        static native TemplateInstance decision(Views.DecisionView view);

        static native TemplateInstance ineligible(Views.IneligibleView view);
    }

    @Inject
    InterviewFlow flow;

    @Inject
    CaseReads reads;

    @Inject
    RulebookHolder rulebooks;

    @Inject
    io.undersign.runtime.TenantBrand brand;

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start() {
        return seeOther("/interview/" + flow.start());
    }

    /** The case link: picks up where the applicant left off. */
    @GET
    @Path("/{id}")
    public Response resume(@PathParam("id") String id) {
        StoredCase c = flow.interviewCase(id);
        InterviewPages now = pages(c);
        Response elsewhere = elsewhere(c, now);
        if (elsewhere != null) {
            return elsewhere;
        }
        return now.firstIncomplete()
                .map(p -> seeOther("/interview/" + id + "/pages/" + p.id()))
                .orElseGet(() -> seeOther("/interview/" + id + "/review"));
    }

    @GET
    @Path("/{id}/pages/{page}")
    public Response page(@PathParam("id") String id, @PathParam("page") String pageId) {
        StoredCase c = flow.interviewCase(id);
        if (!c.open()) {
            return decided(id);
        }
        Page page = page(c, pageId);
        return Response.ok(render(c, page, pages(c))).build();
    }

    @POST
    @Path("/{id}/pages/{page}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, @PathParam("page") String pageId, MultivaluedMap<String, String> form) {
        String shown = form.getFirst("shown");
        List<String> shownQuestions = shown == null || shown.isBlank() ? List.of() : Arrays.asList(shown.split(","));
        InterviewFlow.Answered answered = flow.answer(id, pageId, form, shownQuestions, "back".equals(form.getFirst("action")));
        String base = "/interview/" + id;
        if (answered instanceof InterviewFlow.Answered.Submitted) {
            return decided(id);
        }
        if (answered instanceof InterviewFlow.Answered.Back back) {
            return seeOther(base + "/pages/" + back.previous().id());
        }
        if (answered instanceof InterviewFlow.Answered.Again again) {
            // the page again, by GET: its draft says what is missing or wrong
            return seeOther(base + "/pages/" + again.page().id());
        }
        if (answered instanceof InterviewFlow.Answered.Ineligible) {
            return seeOther(base + "/ineligible");
        }
        Page next = ((InterviewFlow.Answered.Accepted) answered).next();
        return next == null ? seeOther(base + "/review") : seeOther(base + "/pages/" + next.id());
    }

    /**
     * Which questions of the page are asked with the answers as the form now holds them (nothing is
     * stored): what the page's script shows and hides as the applicant chooses.
     */
    @POST
    @Path("/{id}/pages/{page}/asked")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> asked(@PathParam("id") String id, @PathParam("page") String pageId, MultivaluedMap<String, String> form) {
        return Map.of("asked", flow.askedWith(id, pageId, form));
    }

    /** The answers so far rule cover out: say why at once, and how to change a detail that was wrong. */
    @GET
    @Path("/{id}/ineligible")
    public Response ineligible(@PathParam("id") String id) {
        StoredCase c = flow.interviewCase(id);
        if (!c.open()) {
            return decided(id);
        }
        InterviewPages now = pages(c);
        List<NextQuestions.Knockout> knockouts = now.knockouts();
        if (knockouts.isEmpty()) {
            return seeOther("/interview/" + id);
        }
        Page change = now.firstAsking(knockouts.stream().flatMap(k -> k.inputs().stream()).toList()).orElse(now.all().get(0));
        return Response.ok(Templates.ineligible(new Views.IneligibleView(brand(), id, c.shortRef(),
                knockouts.stream().map(NextQuestions.Knockout::reason).distinct().toList(), change.id(), change.title()))).build();
    }

    @GET
    @Path("/{id}/review")
    public Response review(@PathParam("id") String id) {
        StoredCase c = flow.interviewCase(id);
        InterviewPages now = pages(c);
        Response elsewhere = elsewhere(c, now);
        if (elsewhere != null) {
            return elsewhere;
        }
        var incomplete = now.firstIncomplete();
        if (incomplete.isPresent()) {
            return seeOther("/interview/" + id + "/pages/" + incomplete.get().id());
        }
        List<Views.ReviewLine> lines = new ArrayList<>();
        for (Page page : now.all()) {
            for (Question q : now.askedOn(page)) {
                lines.add(new Views.ReviewLine(q.text(), Views.answerText(q, c.answers().get(q.id())), page.id(), page.title()));
            }
        }
        return Response.ok(Templates.review(new Views.ReviewView(brand(), id, c.shortRef(), lines))).build();
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") String id) {
        try {
            flow.submit(id);
        } catch (CaseClosedException alreadyDecided) {
            // a second click on submit: the decision stands
        } catch (io.undersign.runtime.cases.AnswersRejectedException incomplete) {
            // answers changed or lapsed since the review (a second tab): back to what needs doing
            return seeOther("/interview/" + id);
        }
        return decided(id);
    }

    @GET
    @Path("/{id}/decision")
    public Response decision(@PathParam("id") String id) {
        CaseView c = reads.get(id);
        if (!Channel.INTERVIEW.wire.equals(c.channel())) {
            throw new CaseNotFoundException(id);
        }
        if (c.decision() == null) {
            return seeOther("/interview/" + id);
        }
        // the decision that stands: an underwriter's, when one decided, else the engine's
        com.fasterxml.jackson.databind.JsonNode standing = reads.finalManualDecision(id)
                .map(io.undersign.runtime.cases.FinalDecision::asDecision).orElse(c.decision());
        Views.DecisionView view = DecisionWording.of(brand(), id, c.shortRef(), standing, c.evidence());
        Response.ResponseBuilder ok = Response.ok(Templates.decision(view));
        if (view.refreshSeconds() > 0) {
            // waiting for evidence: the page looks again by itself, without script
            ok.header("Refresh", String.valueOf(view.refreshSeconds()));
        }
        return ok.build();
    }

    private TemplateInstance render(StoredCase c, Page page, InterviewPages now) {
        PageDraft draft = c.draft() != null && c.draft().page().equals(page.id()) ? c.draft() : null;
        Map<String, String> problemOf = new java.util.LinkedHashMap<>();
        if (draft != null) {
            draft.problems().forEach(p -> problemOf.put(p.field(), p.message()));
        }
        List<String> asked = now.askedOn(page).stream().map(Question::id).toList();
        // every question of the page is on it; those not asked now are hidden until an answer makes them due
        Rulebook rulebook = rulebooks.of(c);
        List<Views.Field> fields = page.questions().stream().map(id -> rulebook.question(id).orElseThrow()).map(q -> {
            List<String> typed = draft == null ? null : draft.typed().get(q.id());
            boolean followUp = draft != null && draft.followUps().contains(q.id());
            Object value = typed != null && problemOf.containsKey(q.id()) ? Views.typedValue(q, typed) : c.answers().get(q.id());
            return Views.field(q, value, problemOf.get(q.id()), followUp, asked.contains(q.id()));
        }).toList();
        // the summary names each question, so the list makes sense read on its own
        List<Views.Problem> summary = problemOf.entrySet().stream()
                .map(p -> new Views.Problem(p.getKey(), rulebook.question(p.getKey()).map(Question::text).orElse(p.getKey()), p.getValue()))
                .toList();
        int number = now.all().indexOf(page) + 1;
        String shown = String.join(",", asked);
        return Templates.page(new Views.PageView(brand(), c.id(), c.shortRef(), page.id(), page.title(), number, now.all().size(), fields,
                summary, draft != null && !draft.followUps().isEmpty(), now.before(page).isPresent(), shown));
    }

    /** Where a case that is not answered page by page any more goes: its decision, or why cover is ruled out; null when neither. */
    private static Response elsewhere(StoredCase c, InterviewPages now) {
        if (!c.open()) {
            return decided(c.id());
        }
        return now.knockouts().isEmpty() ? null : seeOther("/interview/" + c.id() + "/ineligible");
    }

    private Page page(StoredCase c, String pageId) {
        return InterviewPages.page(rulebooks.of(c), pageId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    /** The case's pages by the rulebook version it was made under. */
    private InterviewPages pages(StoredCase c) {
        return new InterviewPages(rulebooks.of(c), c.answers(), c.applicationDate());
    }

    private Views.Brand brand() {
        return new Views.Brand(brand.displayName(), brand.colour());
    }

    /** A submitted case only shows its decision. */
    private static Response decided(String id) {
        return seeOther("/interview/" + id + "/decision");
    }

    /** A relative Location: right behind any edge or load balancer, whatever host and port it shows. */
    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }
}
