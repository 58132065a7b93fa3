package io.backorder.insights.board;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.backorder.insights.Table;
import io.quarkus.qute.TemplateData;

/** What the board templates render. */
@TemplateData
public record BoardView(String title, String from, String to, String query, String csrf, List<Chart> charts,
        List<ViewTable> tables, List<String> deadLetterIds) {

    /** The drill-down page of a SKU (SKUs may hold characters a path segment must escape). */
    static String skuHref(String sku) {
        return "/board/skus/" + URLEncoder.encode(sku, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @TemplateData
    public record Chart(String id, String title, String svg) {
    }

    @TemplateData
    public record Cell(String text, String href) {
    }

    /** A table with its cells as text; a SKU cell links to the SKU's page. */
    @TemplateData
    public record ViewTable(String id, String title, String export, List<String> columns, List<List<Cell>> rows) {

        static ViewTable of(Table table, String export) {
            int skuColumn = table.columns().indexOf("sku");
            List<List<Cell>> rows = table.rows().stream().map(row -> {
                List<Cell> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    String text = row.get(i) == null ? "" : row.get(i).toString();
                    cells.add(new Cell(text, i == skuColumn && !text.isEmpty() ? skuHref(text) : null));
                }
                return cells;
            }).toList();
            return new ViewTable(table.id(), table.title(), export, table.columns(), rows);
        }
    }
}
