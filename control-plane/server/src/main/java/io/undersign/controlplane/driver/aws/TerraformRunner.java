package io.undersign.controlplane.driver.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs Terraform (or OpenTofu: same commands, same {@code -json} UI) in one stack's directory:
 * {@code init}, {@code plan -out}, {@code apply} of that plan, {@code output}. Reads the
 * machine-readable UI line by line, tells the caller what happens in one-line messages, and on
 * failure gives Terraform's own error diagnostics (summary, detail, resource address).
 */
public final class TerraformRunner {
    private static final String PLAN = "undersign.tfplan";

    private final Path binary;
    private final Map<String, String> environment;
    private final long timeoutMinutes;
    private final ObjectMapper json = new ObjectMapper();

    /** An error or warning Terraform reported. */
    public record Diagnostic(String severity, String summary, String detail, String address) {
        @Override
        public String toString() {
            return (address == null ? "" : address + ": ") + summary + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
        }
    }

    /** What an apply did, and the stack's outputs afterwards. */
    public record Applied(int added, int changed, int destroyed, Map<String, JsonNode> outputs) {
    }

    /** Terraform failed; {@code diagnostics} are its own errors, {@code completed} what it finished before. */
    public static final class TerraformException extends Exception {
        private final List<Diagnostic> diagnostics;
        private final List<String> completed;

        TerraformException(String command, List<Diagnostic> diagnostics, List<String> completed, String fallback) {
            super("terraform " + command + " failed: " + (diagnostics.isEmpty() ? fallback
                    : String.join("; ", diagnostics.stream().filter(d -> "error".equals(d.severity())).map(Diagnostic::toString).toList()))
                    + (completed.isEmpty() ? "" : " (completed before the error: " + String.join(", ", completed) + ")"));
            this.diagnostics = List.copyOf(diagnostics);
            this.completed = List.copyOf(completed);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }

        /** Resources applied before the failure: a partial apply, resumed by running again. */
        public List<String> completed() {
            return completed;
        }
    }

    public TerraformRunner(Path binary, Map<String, String> environment, long timeoutMinutes) {
        this.binary = binary;
        this.environment = Map.copyOf(environment);
        this.timeoutMinutes = timeoutMinutes;
    }

    /** Brings the real resources in line with the stack in {@code dir} (safe to repeat). */
    public Applied apply(Path dir, Consumer<String> progress) throws IOException, InterruptedException, TerraformException {
        return converge(dir, progress, false);
    }

    /** Removes every resource of the stack in {@code dir}. */
    public Applied destroy(Path dir, Consumer<String> progress) throws IOException, InterruptedException, TerraformException {
        return converge(dir, progress, true);
    }

    private Applied converge(Path dir, Consumer<String> progress, boolean destroy)
            throws IOException, InterruptedException, TerraformException {
        run(dir, progress, List.of("init", "-input=false", "-no-color"), false);
        List<String> plan = new ArrayList<>(List.of("plan", "-input=false", "-json", "-out=" + PLAN));
        if (destroy) {
            plan.add("-destroy");
        }
        run(dir, progress, plan, true);
        Run applied = run(dir, progress, List.of("apply", "-input=false", "-json", PLAN), true);
        Run outputs = run(dir, progress, List.of("output", "-json"), false);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JsonNode tree = json.readTree(outputs.text().isBlank() ? "{}" : outputs.text());
        tree.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().get("value")));
        return new Applied(applied.added, applied.changed, applied.destroyed, values);
    }

    /** One command's result: its text, and for UI commands the change summary. */
    private static final class Run {
        final StringBuilder out = new StringBuilder();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<String> completed = new ArrayList<>();
        int added;
        int changed;
        int destroyed;

        String text() {
            return out.toString();
        }
    }

    private Run run(Path dir, Consumer<String> progress, List<String> args, boolean uiJson)
            throws IOException, InterruptedException, TerraformException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("TF_INPUT", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        Run run = new Run();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                run.out.append(line).append('\n');
                if (uiJson) {
                    read(line, run, progress);
                }
            }
        }
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new TerraformException(args.get(0), run.diagnostics, run.completed, "no result within " + timeoutMinutes + " minutes");
        }
        if (process.exitValue() != 0) {
            String tail = run.text().strip().lines().reduce((a, b) -> b).orElse("exit code " + process.exitValue());
            throw new TerraformException(args.get(0), run.diagnostics, run.completed, tail);
        }
        return run;
    }

    /** One line of Terraform's machine-readable UI. */
    private void read(String line, Run run, Consumer<String> progress) {
        JsonNode m;
        try {
            m = json.readTree(line);
        } catch (IOException notJson) {
            return; // e.g. a provider's plain-text log line
        }
        String type = m.path("type").asText();
        switch (type) {
            case "planned_change" -> progress.accept("plan: " + m.at("/change/action").asText() + " " + m.at("/change/resource/addr").asText());
            case "apply_start", "apply_errored" -> progress.accept(m.path("@message").asText());
            case "apply_complete" -> {
                run.completed.add(m.at("/hook/resource/addr").asText());
                progress.accept(m.path("@message").asText());
            }
            case "change_summary" -> {
                run.added = m.at("/changes/add").asInt();
                run.changed = m.at("/changes/change").asInt();
                run.destroyed = m.at("/changes/remove").asInt();
                progress.accept(m.path("@message").asText());
            }
            case "diagnostic" -> {
                JsonNode d = m.path("diagnostic");
                run.diagnostics.add(new Diagnostic(d.path("severity").asText(), d.path("summary").asText(),
                        d.hasNonNull("detail") ? d.get("detail").asText() : null, d.hasNonNull("address") ? d.get("address").asText() : null));
                progress.accept(d.path("severity").asText() + ": " + d.path("summary").asText());
            }
            default -> {
            }
        }
    }

    /** Whether a stack directory holds something to apply. */
    public static boolean hasStack(Path dir) {
        return Files.isRegularFile(dir.resolve("cdk.tf.json"));
    }
}
