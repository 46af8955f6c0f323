package io.undersign.runtime.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript on the runtime's interview: keeps the CSRF cookie, sends the form's
 * token with every POST, does not follow redirects (tests look at them).
 */
public final class Browser {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private String cookie;
    private String token;

    public Response get(String path) {
        var request = given().redirects().follow(false);
        if (cookie != null) {
            request.cookie("csrf-token", cookie);
        }
        Response response = request.get(path);
        remember(response);
        return response;
    }

    /** {@code fields}: name, value, name, value… */
    public Response post(String path, String... fields) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded");
        if (cookie != null) {
            request.cookie("csrf-token", cookie);
        }
        if (token != null) {
            request.formParam("csrf-token", token);
        }
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        Response response = request.post(path);
        remember(response);
        return response;
    }

    private void remember(Response response) {
        if (response.getCookie("csrf-token") != null) {
            cookie = response.getCookie("csrf-token");
        }
        Matcher m = TOKEN.matcher(response.asString());
        if (m.find()) {
            token = m.group(1);
        }
    }

    public static String location(Response response) {
        return response.getHeader("Location");
    }
}
