package io.undersign.cli;

import picocli.CommandLine.Option;

/** Options every command shares: where the API is, the token, and the output format. */
class ApiOptions {
    enum Format { table, json }

    @Option(names = "--api-url", description = "Admin API base URL (default: UNDERSIGN_API_URL or ~/.undersign/config)")
    String apiUrl;

    @Option(names = "--token", description = "Bearer token (default: UNDERSIGN_TOKEN or ~/.undersign/config)")
    String token;

    @Option(names = {"-o", "--output"}, description = "Output format: ${COMPLETION-CANDIDATES} (default: table)")
    Format output = Format.table;

    ApiClient client() {
        return new ApiClient(CliConfig.resolve(apiUrl, token, System.getenv(), CliConfig.defaultFile()));
    }

    boolean json() {
        return output == Format.json;
    }
}
