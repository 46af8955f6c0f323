package io.undersign.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotentRequestsTest {
    private final Map<String, IdempotentRequests.Remembered> keys = new HashMap<>();
    private final IdempotentRequests.Ledger ledger = new IdempotentRequests.Ledger() {
        @Override
        public Optional<IdempotentRequests.Remembered> find(String key) {
            return Optional.ofNullable(keys.get(key));
        }

        @Override
        public void remember(String key, String requestHash, String resultId) {
            keys.put(key, new IdempotentRequests.Remembered(requestHash, resultId));
        }
    };
    private final AtomicInteger made = new AtomicInteger();

    private IdempotentRequests.Outcome<String> call(String key, String request) {
        return IdempotentRequests.once(key, request, ledger, id -> "replayed " + id, () -> "made-" + made.incrementAndGet(), r -> r);
    }

    @Test
    void theSameKeyAndRequestGiveBackWhatTheFirstCallMade() {
        assertThat(call("k", "{a}")).isEqualTo(new IdempotentRequests.Outcome<>("made-1", false));
        assertThat(call("k", "{a}")).isEqualTo(new IdempotentRequests.Outcome<>("replayed made-1", true));
        assertThat(made).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndMakesNothing() {
        call("k", "{a}");
        assertThatThrownBy(() -> call("k", "{b}")).isInstanceOf(IdempotentRequests.KeyReusedException.class)
                .hasMessageContaining("'k' was already used for a different request");
        assertThat(made).hasValue(1);
    }

    @Test
    void noKeyRunsEveryTimeAndABadKeyNamesTheHeader() {
        call(null, "{a}");
        call(null, "{a}");
        assertThat(made).hasValue(2);
        for (String bad : new String[] {"", "  ", "k".repeat(129)}) {
            assertThatThrownBy(() -> call(bad, "{a}")).isInstanceOf(InvalidParameterException.class)
                    .extracting(e -> ((InvalidParameterException) e).field()).isEqualTo("Idempotency-Key");
        }
        assertThat(keys).isEmpty();
    }
}
