package io.undersign.runtime.interview;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.undersign.engine.FieldError;
import io.undersign.engine.model.Page;
import io.undersign.engine.model.Question;
import io.undersign.runtime.cases.CaseClosedException;
import io.undersign.runtime.cases.CaseReads;
import io.undersign.runtime.cases.CaseView;
import io.undersign.runtime.cases.Channel;
import io.undersign.runtime.cases.RulebookHolder;
import io.undersign.runtime.cases.StoredCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The applicant's interview, server-rendered and usable without JavaScript: page by page with
 * follow-ups as answers require, errors next to their fields, back and forward without losing
 * answers, resume by the case link, a review page, then the decision in plain words.
 */
@Path("/interview")
@Produces(MediaType.TEXT_HTML)
public class InterviewResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Views.PageView view);

        static native TemplateInstance review(Views.ReviewView view);

        static native TemplateInstance decision(Views.DecisionView view);
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
        StoredCase c = interviewCase(id);
        if (!c.open()) {
            return decided(id);
        }
        return pages(c.answers()).firstIncomplete()
                .map(p -> seeOther("/interview/" + id + "/pages/" + p.id()))
                .orElseGet(() -> seeOther("/interview/" + id + "/review"));
    }

    @GET
    @Path("/{id}/pages/{page}")
    public Response page(@PathParam("id") String id, @PathParam("page") String pageId) {
        StoredCase c = interviewCase(id);
        if (!c.open()) {
            return decided(id);
        }
        Page page = page(pageId);
        return Response.ok(render(c, page, pages(c.answers()), List.of(), Map.of())).build();
    }

    @POST
    @Path("/{id}/pages/{page}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, @PathParam("page") String pageId, MultivaluedMap<String, String> form) {
        Page page = page(pageId);
        InterviewFlow.Answered answered = flow.answer(id, page, form);
        if (answered instanceof InterviewFlow.Answered.Submitted) {
            return decided(id);
        }
        if ("back".equals(form.getFirst("action"))) {
            // nothing the applicant entered is lost, right or wrong, and going back is always allowed
            List<Page> all = rulebooks.rulebook().pages();
            return seeOther("/interview/" + id + "/pages/" + all.get(Math.max(0, all.indexOf(page) - 1)).id());
        }
        if (answered instanceof InterviewFlow.Answered.Refused refused) {
            return Response.status(422).entity(render(refused.saved(), page, refused.pages(), refused.problems(), form))
                    .type(MediaType.TEXT_HTML).build();
        }
        Page next = ((InterviewFlow.Answered.Accepted) answered).next();
        return next == null ? seeOther("/interview/" + id + "/review") : seeOther("/interview/" + id + "/pages/" + next.id());
    }

    @GET
    @Path("/{id}/review")
    public Response review(@PathParam("id") String id) {
        StoredCase c = interviewCase(id);
        if (!c.open()) {
            return decided(id);
        }
        InterviewPages now = pages(c.answers());
        var incomplete = now.firstIncomplete();
        if (incomplete.isPresent()) {
            return seeOther("/interview/" + id + "/pages/" + incomplete.get().id());
        }
        List<Views.ReviewLine> lines = new ArrayList<>();
        for (Page page : now.all()) {
            for (Question q : now.askedOn(page)) {
                lines.add(new Views.ReviewLine(q.text(), Views.answerText(q, c.answers().get(q.id())), page.id()));
            }
        }
        return Response.ok(Templates.review(new Views.ReviewView(brand(), id, lines))).build();
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") String id) {
        try {
            flow.submit(id);
        } catch (CaseClosedException alreadyDecided) {
            // a second click on submit: the decision stands
        }
        return decided(id);
    }

    @GET
    @Path("/{id}/decision")
    public Response decision(@PathParam("id") String id) {
        CaseView c = reads.get(id);
        if (!Channel.INTERVIEW.wire.equals(c.channel())) {
            throw new io.undersign.runtime.cases.CaseNotFoundException(id);
        }
        if (c.decision() == null) {
            return seeOther("/interview/" + id);
        }
        return Response.ok(Templates.decision(DecisionWording.of(brand(), id, c.decision()))).build();
    }

    /** {@code typed}: what was submitted, shown back as typed when it could not be read (e.g. "lots" for a number). */
    private TemplateInstance render(StoredCase c, Page page, InterviewPages now, List<FieldError> problems,
            Map<String, List<String>> typed) {
        Map<String, Object> answers = c.answers();
        Map<String, String> errorOf = problems.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
        List<Views.Field> fields = now.askedOn(page).stream()
                .map(q -> {
                    Object value = answers.containsKey(q.id()) || !typed.containsKey(q.id()) ? answers.get(q.id()) : typed.get(q.id()).get(0);
                    return Views.field(q, value, errorOf.get(q.id()));
                })
                .toList();
        // the error summary names each question, so the list makes sense read on its own
        List<FieldError> summary = problems.stream()
                .map(p -> new FieldError(p.field(), rulebooks.rulebook().question(p.field()).map(q -> q.text() + " — ").orElse("") + p.message()))
                .toList();
        int number = now.all().indexOf(page) + 1;
        return Templates.page(new Views.PageView(brand(), c.id(), page.id(), page.title(), number, now.all().size(), fields,
                summary, now.before(page).isPresent()));
    }

    private StoredCase interviewCase(String id) {
        return flow.interviewCase(id);
    }

    private Page page(String pageId) {
        return InterviewPages.page(rulebooks.rulebook(), pageId).orElseThrow(NotFoundException::new);
    }

    private InterviewPages pages(Map<String, Object> answers) {
        return new InterviewPages(rulebooks.rulebook(), answers);
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
