package io.undersign.runtime.cases;

import java.util.List;
import java.util.Map;

/**
 * An interview page the applicant sent that could not be taken as it was: what was typed (as
 * typed), what is wrong with it, and the follow-up questions it made due. Kept with the case so
 * that the page shown after the redirect says so; answers that are not acceptable are never stored.
 */
public record PageDraft(String page, Map<String, List<String>> typed, List<Problem> problems, List<String> followUps) {

    /** What is wrong with one field, in the applicant's words. */
    public record Problem(String field, String message) {
    }
}
