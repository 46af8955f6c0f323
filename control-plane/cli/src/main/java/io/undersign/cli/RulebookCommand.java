package io.undersign.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.undersign.engine.CaseInput;
import io.undersign.engine.Decision;
import io.undersign.engine.Engine;
import io.undersign.engine.Evaluation;
import io.undersign.engine.FieldError;
import io.undersign.engine.NextQuestions;
import io.undersign.engine.Rulebook;
import io.undersign.engine.RulebookException;
import io.undersign.engine.Rulebooks;
import io.undersign.engine.cases.CaseCheck;
import io.undersign.engine.cases.CaseFile;
import io.undersign.engine.model.Question;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Offline tooling for rulebook authors: the engine runs inside the CLI, no server needed. */
@Command(name = "rulebook", description = "Validate a rulebook, evaluate answers against it, see the next questions, run test cases.",
        subcommands = {RulebookCommand.Validate.class, RulebookCommand.Evaluate.class, RulebookCommand.Next.class, RulebookCommand.Test.class})
class RulebookCommand {
    // answers and evidence files are read strictly: a key given twice or anything after the document is an error
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Loads the rulebook or fails with exit 1 after printing every problem. */
    static Rulebook load(Path file, PrintWriter out) {
        try {
            return Rulebooks.parse(Files.readString(file));
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), Undersign.USAGE);
        } catch (RulebookException e) {
            e.problems().forEach(p -> out.println(file + ": " + p));
            out.flush();
            throw new CliException(e.problems().size() + " problem(s) in " + file, Undersign.OPERATION_FAILED);
        }
    }

    static <T> T readJson(Path file, TypeReference<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + " as JSON: " + e.getMessage().lines().findFirst().orElse(""), Undersign.USAGE);
        }
    }

    static void printErrors(PrintWriter out, List<FieldError> errors) {
        errors.forEach(e -> out.println("  " + e.field() + ": " + e.message()));
        out.flush();
    }

    /** What every rulebook subcommand has: the rulebook file and where to print. */
    abstract static class OnRulebook implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "Rulebook YAML file")
        Path file;

        @Option(names = {"-o", "--output"}, description = "table or json (default: table)")
        ApiOptions.Format output = ApiOptions.Format.table;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Rulebook rulebook() {
            return load(file, out());
        }
    }

    @Command(name = "validate", description = "Check a rulebook completely; prints every problem with its path (exit 1 if any).")
    static class Validate extends OnRulebook {

        @Override
        public Integer call() {
            PrintWriter out = out();
            Rulebook rulebook = rulebook();
            out.println(file + ": valid — " + rulebook.metadata().id() + " " + rulebook.metadata().version() + ", "
                    + rulebook.questions().size() + " questions on " + rulebook.pages().size() + " pages");
            out.flush();
            return 0;
        }
    }

    @Command(name = "evaluate", description = "Decide a case: the decision and its explanation.")
    static class Evaluate extends OnRulebook {

        @Option(names = "--answers", required = true, description = "JSON object of answers by question id")
        Path answers;

        @Option(names = "--evidence", description = "JSON object of evidence results by evidence type")
        Path evidence;

        @Option(names = "--date", description = "Application date (default: today)")
        LocalDate date;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            Rulebook rulebook = rulebook();
            Map<String, Object> given = readJson(answers, new TypeReference<>() {
            });
            Map<String, Map<String, Object>> results = evidence == null ? Map.of() : readJson(evidence, new TypeReference<>() {
            });
            Evaluation evaluation = Engine.evaluate(rulebook, new CaseInput(given, results, date == null ? LocalDate.now() : date));
            if (output == ApiOptions.Format.json) {
                out.println(JSON.writeValueAsString(evaluation));
                out.flush();
                return evaluation.valid() ? 0 : Undersign.OPERATION_FAILED;
            }
            if (!evaluation.valid()) {
                out.println("Answers not accepted:");
                printErrors(out, evaluation.errors());
                throw new CliException(evaluation.errors().size() + " answer(s) not accepted", Undersign.OPERATION_FAILED);
            }
            Decision d = evaluation.decision();
            out.println("Outcome: " + d.outcome() + describe(d));
            out.println();
            out.print(d.explanation().toText());
            out.flush();
            return 0;
        }

        private static String describe(Decision d) {
            StringBuilder b = new StringBuilder();
            if (d.rating() != null) {
                b.append(" — Table ").append(d.rating().table()).append(" (+").append(d.rating().extraMortalityPercent()).append("%)");
                if (d.rating().flatExtraPerMille() > 0) {
                    b.append(", flat extra ").append(d.rating().flatExtraPerMille()).append("‰");
                }
            }
            if (d.postponeMonths() != null) {
                b.append(" — ").append(d.postponeMonths()).append(" months");
            }
            d.pendingEvidence().forEach(p -> b.append(" — awaiting ").append(p.name()));
            return b.toString();
        }
    }

    @Command(name = "next", description = "The questions due now given partial answers.")
    static class Next extends OnRulebook {

        @Option(names = "--answers", required = true, description = "JSON object of the answers so far")
        Path answers;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            Rulebook rulebook = rulebook();
            NextQuestions next = Engine.next(rulebook, readJson(answers, new TypeReference<Map<String, Object>>() {
            }));
            if (output == ApiOptions.Format.json) {
                out.println(JSON.writeValueAsString(next));
                out.flush();
                return 0;
            }
            Table table = new Table("QUESTION", "TYPE", "PAGE", "TEXT");
            for (String id : next.due()) {
                Question q = rulebook.question(id).orElseThrow();
                table.row(q.id(), q.type().yamlName + (q.unit() == null ? "" : " (" + q.unit() + ")"), q.page(), q.text());
            }
            if (next.due().isEmpty()) {
                out.println("No questions due: the interview is complete.");
            } else {
                table.print(out);
            }
            if (!next.ignored().isEmpty()) {
                out.println("Ignored (no longer asked): " + String.join(", ", next.ignored()));
            }
            if (!next.errors().isEmpty()) {
                out.println("Answers not accepted:");
                printErrors(out, next.errors());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "test", description = "Run a file of applicant profiles with expected decisions; pass/fail table (exit 1 on any failure).")
    static class Test extends OnRulebook {

        @Parameters(index = "1", description = "Cases YAML file")
        Path cases;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = out();
            Rulebook rulebook = rulebook();
            CaseFile caseFile;
            try {
                caseFile = CaseFile.parse(Files.readString(cases));
            } catch (IOException e) {
                throw new CliException("cases " + cases + ": " + e.getMessage().lines().findFirst().orElse(""), Undersign.OPERATION_FAILED);
            }
            List<String> problems = caseFile.problems(rulebook.metadata().id());
            if (!problems.isEmpty()) {
                throw new CliException("cases " + cases + ": " + String.join("; ", problems), Undersign.OPERATION_FAILED);
            }
            List<CaseCheck.Result> results = CaseCheck.run(rulebook, caseFile);
            Table table = new Table("RESULT", "PROFILE", "EXPECTED", "ACTUAL", "DIFFERENCE");
            for (CaseCheck.Result r : results) {
                String actual = r.evaluation().valid() ? r.evaluation().decision().outcome().name() : "INVALID";
                table.row(r.passed() ? "pass" : "FAIL", r.profile().name(), r.profile().expect().outcome(), actual,
                        r.passed() ? "" : String.join("; ", r.mismatches()));
            }
            table.print(out);
            long failed = results.stream().filter(r -> !r.passed()).count();
            out.println((results.size() - failed) + " passed, " + failed + " failed");
            out.flush();
            if (failed > 0) {
                throw new CliException(failed + " of " + results.size() + " cases failed", Undersign.OPERATION_FAILED);
            }
            return 0;
        }
    }

}
