package io.undersign.runtime.api;

import io.undersign.engine.Rulebook;
import io.undersign.engine.model.Option;
import io.undersign.engine.model.Question;
import io.undersign.runtime.cases.RulebookHolder;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The questions the rulebook asks, so an insurer's own systems can build their own form and send answers this API takes. */
@Path("/api/v1/rulebook")
@Produces(MediaType.APPLICATION_JSON)
public class RulebookResource {

    /** An answer's possible value and what people read for it. */
    public record OptionView(String value, String label) {
    }

    /**
     * A question: {@code type} as the rulebook names it (number, integer, boolean, single-choice,
     * multi-choice, date, text); {@code askWhen}: the CEL condition on earlier answers under which it
     * is asked (null: always); {@code min}/{@code max} bound numbers, inclusive.
     */
    public record QuestionView(String id, @Schema(enumeration = {"number", "integer", "boolean", "single-choice", "multi-choice", "date", "text"})
            String type, String text, @Schema(nullable = true) String help, @Schema(nullable = true) String unit, boolean required,
            @Schema(nullable = true) Double min, @Schema(nullable = true) Double max, List<OptionView> options,
            @Schema(nullable = true) String askWhen, String page) {

        static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.type().yamlName, q.text(), q.help(), q.unit(), q.required(), q.min(), q.max(),
                    q.options().stream().map((Option o) -> new OptionView(o.value(), o.label())).toList(), q.askWhen(), q.page());
        }
    }

    /** The rulebook this runtime decides with, and its questions in the order they are asked. */
    public record Questions(String rulebookId, String rulebookVersion, List<QuestionView> questions) {
    }

    @Inject
    RulebookHolder rulebooks;

    @GET
    @Path("/questions")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listQuestions",
            summary = "The rulebook's questions: ids, types, options, ranges and when each is asked")
    public Questions questions() {
        Rulebook rulebook = rulebooks.rulebook();
        return new Questions(rulebook.metadata().id(), rulebook.metadata().version(),
                rulebook.questions().stream().map(QuestionView::of).toList());
    }
}
