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
        String home = System.getenv().getOrDefault("UNDERSIGN_HOME", System.getProperty("user.home") + "/.undersign");
        return Path.of(home, "config");
    }

    static CliConfig resolve(String flagUrl, String flagToken, Map<String, String> env, Path file) {
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
        return new CliConfig(url.replaceAll("/+$", ""), token);
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
