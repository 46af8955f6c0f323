package io.undersign.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.undersign.engine.cases.CaseCheck;
import io.undersign.engine.cases.CaseFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every applicant profile of the sample gets the decision an underwriter would give. */
class SampleProfilesTest {
    static final CaseFile CASES = load();

    static Stream<Arguments> profiles() {
        return CASES.profiles().stream().map(p -> Arguments.of(p.name(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void decidesAsAnUnderwriterWould(String name, CaseFile.Profile profile) {
        CaseCheck.Result result = CaseCheck.check(SampleRulebook.RULEBOOK, CASES, profile);
        assertThat(result.mismatches())
                .as(() -> name + "\n" + (result.evaluation().valid() ? result.evaluation().decision().explanation().toText() : ""))
                .isEmpty();
    }

    private static CaseFile load() {
        try (InputStream in = SampleProfilesTest.class.getResourceAsStream("/cases/term-life-uk.yaml")) {
            return CaseFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
