package io.backorder.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void csvQuotesWhatNeedsQuotingAndDefusesFormulas() {
        Table table = new Table("t", "T", List.of("sku", "note", "n"), List.of(
                Arrays.asList("A,1", "say \"hi\"", 3),
                Arrays.asList("=cmd()", "two\nlines", null),
                Arrays.asList("-5", "+1", -2)));

        assertThat(table.csv()).isEqualTo("sku,note,n\r\n"
                + "\"A,1\",\"say \"\"hi\"\"\",3\r\n"
                + "'=cmd(),\"two\nlines\",\r\n"
                + "-5,'+1,-2\r\n");
    }

    @Test
    void recordsNameEveryCell() {
        Table table = new Table("t", "T", List.of("a", "b"), List.of(Arrays.asList(1, null)));

        assertThat(table.records()).hasSize(1);
        assertThat(table.records().get(0)).containsEntry("a", 1).containsEntry("b", null);
    }
}
