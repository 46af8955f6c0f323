package io.undersign.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the API is and which token to use: flags first, then UNDERSIGN_API_URL / UNDERSIGN_TOKEN,
 * then {@code ~/.undersign/config} (written by {@code ops/bin/local-up}).
 */
record CliConfig(String apiUrl, String token) {

    static Path defaultFile() {
        return home().resolve("config");
    }

    /** UNDERSIGN_HOME, else ~/.undersign: where local-up keeps the platform's files. */
    static Path home() {
        return Path.of(System.getenv().getOrDefault("UNDERSIGN_HOME", System.getProperty("user.home") + "/.undersign"));
    }

    static CliConfig resolve(String flagUrl, String flagToken, Map<String, String> env, Path file) {
        // a flag given is meant: an empty --token must not quietly fall back to a stored admin token
        if (flagToken != null && flagToken.isBlank()) {
            throw new CliException("--token is empty: give a token, or leave the option out to use UNDERSIGN_TOKEN or the config file",
                    Undersign.USAGE);
        }
        if (flagUrl != null && flagUrl.isBlank()) {
            throw new CliException("--api-url is empty", Undersign.USAGE);
        }
        Properties fromFile = new Properties();
        if (Files.isReadable(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                fromFile.load(reader);
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage(), Undersign.USAGE);
            }
        }
        String url = first(flagUrl, env.get("UNDERSIGN_API_URL"), fromFile.getProperty("api-url"));
        String token = first(flagToken, env.get("UNDERSIGN_TOKEN"), fromFile.getProperty("token"));
        if (url == null) {
            throw new CliException("no API URL: pass --api-url, set UNDERSIGN_API_URL, or run ops/bin/local-up", Undersign.USAGE);
        }
        return new CliConfig(checkedUrl(url.replaceAll("/+$", "")), token);
    }

    /** An http(s) URL with a host, said plainly when it is not one (never a Java exception). */
    static String checkedUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // said below
        }
        throw new CliException("the API URL '" + url + "' is not an http(s) URL like http://127.0.0.1:8080", Undersign.USAGE);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
