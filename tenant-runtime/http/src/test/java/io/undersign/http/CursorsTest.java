package io.undersign.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aPageWithMoreBehindItCarriesTheKeyOfItsLastItem() {
        List<Integer> fetched = IntStream.rangeClosed(1, 4).boxed().toList();
        Cursors.Slice<Integer> slice = Cursors.slice(fetched, 3, n -> List.of("2026-12-02T00:00:0" + n + "Z", "id-" + n));
        assertThat(slice.items()).containsExactly(1, 2, 3);
        assertThat(Cursors.decode(slice.nextCursor(), 2, key -> true)).containsExactly("2026-12-02T00:00:03Z", "id-3");
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(Cursors.slice(List.of(1, 2, 3), 3, n -> List.of(String.valueOf(n))).nextCursor()).isNull();
        assertThat(Cursors.decode(null, 1, key -> true)).isNull();
        assertThat(Cursors.decode("", 1, key -> true)).isNull();
    }

    @Test
    void aCursorThisApiDidNotReturnNamesTheParameter() {
        String oneKey = Cursors.encode(List.of("only"));
        for (String cursor : List.of("%%%", "bm90LWJhc2U2NA!!", oneKey)) {
            assertThatThrownBy(() -> Cursors.decode(cursor, 2, key -> true)).isInstanceOf(InvalidParameterException.class)
                    .hasMessage("cursor is not one this API returned")
                    .extracting(e -> ((InvalidParameterException) e).field()).isEqualTo("cursor");
        }
        assertThatThrownBy(() -> Cursors.decode(oneKey, 1, key -> key.get(0).matches("[0-9]+"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aKeyWithASeparatorInsideCannotForgeAnotherShape() {
        // ids and instants never hold a newline; a key that did would decode to more parts and be refused
        String cursor = Cursors.encode(List.of("a\nb"));
        assertThatThrownBy(() -> Cursors.decode(cursor, 1, key -> true)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aLimitIsAWholeNumberInRange() {
        assertThat(QueryParams.limit(null, 50, 200)).isEqualTo(50);
        assertThat(QueryParams.limit("200", 50, 200)).isEqualTo(200);
        for (String bad : List.of("0", "201", "abc", "1.5", "-1")) {
            assertThatThrownBy(() -> QueryParams.limit(bad, 50, 200)).as(bad).isInstanceOf(InvalidParameterException.class)
                    .hasMessage("limit must be a whole number between 1 and 200");
        }
    }

    @Test
    void aContentLengthBeyondTheLimitIsTooLong() {
        assertThat(BodySizeLimit.tooLong("1025", 1024)).isTrue();
        assertThat(BodySizeLimit.tooLong(" 1024 ", 1024)).isFalse();
        assertThat(BodySizeLimit.tooLong("99999999999999999999999", 1024)).isFalse();
    }
}
