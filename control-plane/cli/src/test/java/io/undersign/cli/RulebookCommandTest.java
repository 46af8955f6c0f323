package io.undersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `undersign rulebook …` on the shipped sample rulebook: offline, the engine runs in the CLI. */
class RulebookCommandTest {
    @TempDir
    static Path dir;
    static Path rulebook;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void sample() throws Exception {
        rulebook = dir.resolve("term-life-uk.yaml");
        try (InputStream in = RulebookCommandTest.class.getResourceAsStream("/rulebooks/term-life-uk.yaml")) {
            Files.copy(in, rulebook);
        }
    }

    static Run undersign(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Undersign.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void validateAcceptsTheSampleAndListsEveryProblemOfABrokenOne() throws Exception {
        assertThat(undersign("rulebook", "validate", rulebook.toString()).out()).contains("valid — term-life-uk 2026.12.1");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(rulebook).replace("when: smoker && cigarettes_per_day > 20", "when: smokr && cigarettes_per_day > 20")
                .replace("decline-over: 300", "decline-over: 10"));
        Run run = undersign("rulebook", "validate", broken.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("rules[4].when: undeclared question 'smokr'").contains("thresholds.decline-over: ");
        assertThat(run.err()).startsWith("error: 2 problem(s)");
    }

    @Test
    void evaluatePrintsTheDecisionAndItsExplanationOrJson() throws Exception {
        Path answers = dir.resolve("answers.json");
        Files.writeString(answers, """
                {"date_of_birth": "1990-06-15", "sex": "male", "sum_assured": 250000, "term_years": 20,
                 "occupation_class": "1", "height_cm": 180, "weight_kg": 80, "smoker": true, "cigarettes_per_day": 30,
                 "alcohol_units_per_week": 10, "hazardous_pursuits": [], "travel_advisory": "none", "asthma": false,
                 "diabetes": false, "hypertension": false, "heart_condition": "none", "cancer_history": false,
                 "mental_health": "none", "family_history_under_60": 0,
                 "under_investigation": false, "hospital_admissions_12m": 0, "self_harm": "none"}
                """);
        Run text = undersign("rulebook", "evaluate", rulebook.toString(), "--answers", answers.toString(), "--date", "2026-12-01");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Outcome: RATED — Table 3 (+75%)").contains("[TOB-HEAVY] Heavy smoker: 30 a day");
        Run json = undersign("rulebook", "evaluate", rulebook.toString(), "--answers", answers.toString(), "--date", "2026-12-01", "-o", "json");
        assertThat(json.out()).contains("\"outcome\" : \"RATED\"");

        Files.writeString(answers, "{\"height_cm\": 999}");
        Run invalid = undersign("rulebook", "evaluate", rulebook.toString(), "--answers", answers.toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).contains("height_cm: must be between 120 and 230").contains("smoker: is required");

        for (String[] strict : new String[][] {{"{\"smoker\": false, \"smoker\": true}", "Duplicate field 'smoker'"},
                {"{\"smoker\": false} {\"smoker\": true}", "Trailing token"}}) {
            Files.writeString(answers, strict[0]);
            Run refused = undersign("rulebook", "evaluate", rulebook.toString(), "--answers", answers.toString());
            assertThat(refused.exit()).as(strict[0]).isNotZero();
            assertThat(refused.err()).as(strict[0]).contains(strict[1]);
        }
    }

    @Test
    void nextListsTheDueQuestionsAndTestRunsCases() throws Exception {
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, "{\"smoker\": true, \"hazardous_pursuits\": [\"diving\"]}");
        Run next = undersign("rulebook", "next", rulebook.toString(), "--answers", partial.toString());
        assertThat(next.out()).contains("cigarettes_per_day").contains("diving_max_depth_m").doesNotContain("climbing_max_altitude_m");

        Path cases = dir.resolve("cases.yaml");
        Files.writeString(cases, """
                rulebook: term-life-uk
                application-date: 2026-12-01
                defaults: {date_of_birth: "1990-06-15", sex: female, sum_assured: 250000, term_years: 25, occupation_class: "1",
                  height_cm: 168, weight_kg: 64, smoker: false, alcohol_units_per_week: 8, hazardous_pursuits: [],
                  travel_advisory: none, asthma: false, diabetes: false, hypertension: false, heart_condition: none,
                  cancer_history: false, mental_health: none, family_history_under_60: 0,
                  under_investigation: false, hospital_admissions_12m: 0, self_harm: none}
                profiles:
                  - {name: healthy, expect: {outcome: STANDARD}}
                  - {name: wrong on purpose, answers: {travel_advisory: all-travel}, expect: {outcome: STANDARD}}
                """);
        Run test = undersign("rulebook", "test", rulebook.toString(), cases.toString());
        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.out()).contains("pass    healthy").contains("FAIL    wrong on purpose").contains("1 passed, 1 failed");
    }

    @Test
    void aBrokenCaseFileIsOneLineNamingTheFileEntryAndFieldWithExit1() throws Exception {
        String[][] broken = {
                {"rulebook: term-life-uk\n", "profiles: at least one profile is required"},
                {"rulebook: term-life-uk\nprofiles:\n  - {name: x}\n", "profiles[0] (x).expect.outcome: is required"},
                {"rulebook: term-life-uk\nprofiles:\n  - null\n", "profiles[0]: is empty"},
                {"rulebook: another-book\nprofiles:\n  - {name: x, expect: {outcome: STANDARD}}\n", "for rulebook 'another-book'"},
                {"rulebook: term-life-uk\nprofiles: [{name: x, expect: {outcome: STANDARD}, surprise: 1}]\n", "surprise"}};
        for (String[] file : broken) {
            Path cases = dir.resolve("broken.yaml");
            Files.writeString(cases, file[0]);
            Run test = undersign("rulebook", "test", rulebook.toString(), cases.toString());
            assertThat(test.exit()).as(file[0]).isEqualTo(1);
            assertThat(test.err()).as(file[0]).contains(cases.toString()).contains(file[1]).doesNotContain("NullPointerException");
            assertThat(test.err().strip().lines()).as("one line").hasSize(1);
        }
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String[] command : new String[][] {{"rulebook", "test"}, {"rulebook", "validate"}, {"rulebook", "evaluate"}, {"rulebook", "next"},
                {"tenants", "create"}, {"tenants", "show"}, {"ops", "watch"}, {"audit"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Run help = undersign(args);
            assertThat(help.exit()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).contains("Usage: undersign " + String.join(" ", command));
        }
    }
}
