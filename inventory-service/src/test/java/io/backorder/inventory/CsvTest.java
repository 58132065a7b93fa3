package io.backorder.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsEscapedQuotesAndLineBreaksInsideQuotes() {
        List<Csv.Row> rows = Csv
                .parse("\uFEFFsku,name\r\nA-1,\"Chair, oak\"\r\nA-2,\"The \"\"big\"\" one\nwith notes\"\n");

        assertThat(rows).containsExactly(
                new Csv.Row(1, List.of("sku", "name")),
                new Csv.Row(2, List.of("A-1", "Chair, oak")),
                new Csv.Row(3, List.of("A-2", "The \"big\" one\nwith notes")));
    }

    @Test
    void skipsBlankLinesButKeepsEmptyFieldsAndCountsLines() {
        List<Csv.Row> rows = Csv.parse("a,b,c\n\n1,,3\n,,\nlast");

        assertThat(rows).containsExactly(
                new Csv.Row(1, List.of("a", "b", "c")),
                new Csv.Row(3, List.of("1", "", "3")),
                new Csv.Row(4, List.of("", "", "")),
                new Csv.Row(5, List.of("last")));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Csv.parse("a,b\n1,\"open\n2,3\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
