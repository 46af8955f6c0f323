package io.undersign.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * The subject access document as a page a person can read (and print): each section under a plain
 * heading, every value escaped. Self-contained: inline styles, no script, nothing fetched.
 */
public final class SubjectAccessPage {
    private static final Map<String, String> HEADINGS = new java.util.LinkedHashMap<>();

    static {
        HEADINGS.put("case", "Your application");
        HEADINGS.put("answers", "Your answers");
        HEADINGS.put("interviewDraft", "A page you had not finished");
        HEADINGS.put("evidence", "Evidence used in the decision");
        HEADINGS.put("evidenceRequests", "Evidence we asked for");
        HEADINGS.put("evidenceResults", "Evidence results we received");
        HEADINGS.put("engineDecisions", "Decisions and why they were made");
        HEADINGS.put("underwriterDecisions", "Decisions by our underwriters");
        HEADINGS.put("underwriterNotes", "Our underwriters' notes");
        HEADINGS.put("workItem", "Review by an underwriter");
        HEADINGS.put("erasure", "Erasure of your health data");
        HEADINGS.put("auditTrail", "Every recorded action on your application");
    }

    private SubjectAccessPage() {
    }

    public static String html(JsonNode doc) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Your data: application ").append(Encode.forHtml(doc.path("caseId").asText())).append("</title>")
                .append("<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}")
                .append("dt{font-weight:600}dd{margin:0 0 .5rem 1rem}section{border-top:1px solid #ccc;margin-top:1.5rem}")
                .append("ol,ul{padding-left:1.5rem}</style></head><body><main>")
                .append("<h1>Everything we hold about your application</h1><p>Tenant <strong>")
                .append(Encode.forHtml(doc.path("tenant").asText())).append("</strong>, application <strong>")
                .append(Encode.forHtml(doc.path("caseId").asText())).append("</strong>, prepared ")
                .append(Encode.forHtml(doc.path("generatedAt").asText())).append(".</p>");
        HEADINGS.forEach((field, heading) -> {
            b.append("<section><h2>").append(Encode.forHtml(heading)).append("</h2>");
            JsonNode value = doc.path(field);
            if (value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
                b.append("<p>None.</p>");
            } else {
                value(b, value);
            }
            b.append("</section>");
        });
        return b.append("</main></body></html>\n").toString();
    }

    private static void value(StringBuilder b, JsonNode v) {
        if (v.isObject()) {
            b.append("<dl>");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append("<dt>").append(Encode.forHtml(e.getKey())).append("</dt><dd>");
                value(b, e.getValue());
                b.append("</dd>");
            }
            b.append("</dl>");
        } else if (v.isArray()) {
            b.append("<ol>");
            v.forEach(item -> {
                b.append("<li>");
                value(b, item);
                b.append("</li>");
            });
            b.append("</ol>");
        } else {
            b.append(v.isNull() ? "<em>none</em>" : Encode.forHtml(v.asText()));
        }
    }
}
