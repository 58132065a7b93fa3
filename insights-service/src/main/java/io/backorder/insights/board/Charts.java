package io.backorder.insights.board;

import java.util.List;
import java.util.Locale;

import io.backorder.insights.Table;

/**
 * Charts drawn on the server as inline SVG: the page needs no script, and every point carries the number it is drawn
 * from ({@code data-series}, {@code data-x}, {@code data-value}) so that a reader, a test or a screen reader gets the
 * figures, not just the picture.
 */
final class Charts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int PAD = 30;
    private static final List<String> COLOURS = List.of("#c0392b", "#2471a3", "#229954", "#7d3c98");

    private Charts() {
    }

    /** Lines of the given numeric columns of {@code table} against its first column, on a 0..max scale. */
    static String lines(String id, String title, Table table, List<String> series) {
        StringBuilder svg = open(id, title);
        int points = table.rows().size();
        double max = maxOf(table, series);
        for (int s = 0; s < series.size(); s++) {
            int column = table.columns().indexOf(series.get(s));
            StringBuilder polyline = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < points; i++) {
                List<Object> row = table.rows().get(i);
                double value = number(row.get(column));
                double x = PAD + (points == 1 ? (WIDTH - 2 * PAD) / 2.0 : i * (WIDTH - 2.0 * PAD) / (points - 1));
                double y = HEIGHT - PAD - value / max * (HEIGHT - 2 * PAD);
                polyline.append(format(x)).append(',').append(format(y)).append(' ');
                dots.append("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\" data-series=\"%s\" data-x=\"%s\" "
                        .formatted(format(x), format(y), COLOURS.get(s), series.get(s), escape(row.get(0)))
                        + "data-value=\"%s\"><title>%s %s: %s</title></circle>".formatted(escape(row.get(column)),
                                series.get(s), escape(row.get(0)), escape(row.get(column))));
            }
            svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>"
                    .formatted(COLOURS.get(s), polyline.toString().trim()));
            svg.append(dots);
            svg.append("<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"12\">%s</text>".formatted(PAD + s * 150,
                    14, COLOURS.get(s), series.get(s)));
        }
        return close(svg, max);
    }

    /** Bars of one numeric column of {@code table} against its first column. */
    static String bars(String id, String title, Table table, String series) {
        StringBuilder svg = open(id, title);
        int column = table.columns().indexOf(series);
        int bars = table.rows().size();
        double max = maxOf(table, List.of(series));
        double slot = (WIDTH - 2.0 * PAD) / Math.max(bars, 1);
        for (int i = 0; i < bars; i++) {
            List<Object> row = table.rows().get(i);
            double value = number(row.get(column));
            double height = value / max * (HEIGHT - 2 * PAD);
            double x = PAD + i * slot + slot * 0.15;
            svg.append("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" data-series=\"%s\" "
                    .formatted(format(x), format(HEIGHT - PAD - height), format(slot * 0.7), format(height),
                            COLOURS.get(1), series)
                    + "data-x=\"%s\" data-value=\"%s\"><title>%s: %s</title></rect>".formatted(escape(row.get(0)),
                            escape(row.get(column)), escape(row.get(0)), escape(row.get(column))));
            svg.append("<text x=\"%s\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>".formatted(
                    format(x + slot * 0.35), HEIGHT - PAD + 14, escape(row.get(0))));
        }
        return close(svg, max);
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder("<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                .formatted(id, WIDTH, HEIGHT) + "role=\"img\" aria-label=\"%s\">".formatted(escape(title)));
    }

    private static String close(StringBuilder svg, double max) {
        svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>".formatted(PAD, HEIGHT - PAD,
                WIDTH - PAD, HEIGHT - PAD));
        svg.append("<text x=\"2\" y=\"%d\" font-size=\"11\">%s</text>".formatted(PAD, format(max)));
        return svg.append("</svg>").toString();
    }

    private static double maxOf(Table table, List<String> series) {
        double max = 0;
        for (String name : series) {
            int column = table.columns().indexOf(name);
            for (List<Object> row : table.rows()) {
                max = Math.max(max, number(row.get(column)));
            }
        }
        // an empty or all-zero chart still needs a scale
        return max == 0 ? 1 : max;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(Object value) {
        return String.valueOf(value)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
