package io.backorder.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<Csv.Row> rows = Csv.parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\n1,,3");

        assertThat(rows).extracting(Csv.Row::fields)
                .containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                        List.of("1", "", "3"));
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 5);
    }

    @Test
    void rejectsBrokenQuoting() {
        assertThatThrownBy(() -> Csv.parse("a,\"b\nc")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> Csv.parse("a,b\"c\"")).hasMessageContaining("quote inside");
        assertThatThrownBy(() -> Csv.parse("\"a\"b,c")).hasMessageContaining("after a closing quote");
    }
}
