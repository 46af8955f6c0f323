package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The API answered with an error; the message is the problem's detail and the field at fault. */
class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException of(int status, JsonNode problem, String rawBody) {
        if (problem != null && problem.hasNonNull("detail")) {
            String message = problem.get("detail").asText();
            if (problem.hasNonNull("field")) {
                message += " (field: " + problem.get("field").asText() + ")";
            }
            if (problem.hasNonNull("requestId")) {
                message += " [request " + problem.get("requestId").asText() + "]";
            }
            return new ApiException(status, message + " (HTTP " + status + ")");
        }
        String body = rawBody == null || rawBody.isBlank() ? "" : ": " + rawBody.strip().lines().findFirst().orElse("");
        return new ApiException(status, "HTTP " + status + body);
    }

    int status() {
        return status;
    }
}
