package dev.steward.homeserver.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures table of {@code docs/benchmarks.md}. A benchmark replaces the rows of the figures it measured and keeps
 * every other row and paragraph, so each module's benchmark can run alone and the page still shows all figures.
 */
public final class BenchmarkTable {
    static final String HEADER = "| figure | value | unit | target | date | command |";
    static final String SEPARATOR = "|---|---|---|---|---|---|";
    static final String INTRO = """
            # Benchmarks

            Figures measured by the benchmarks (`./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl <module> verify`). Each run replaces the rows of \
            the figures it measures and keeps the others. A figure holds for the machine and the day it was measured: \
            compare runs on the same machine.

            """;

    /** One measured figure; {@code command} is how to measure it again. */
    public record Row(String figure, String value, String unit, String target, LocalDate date, String command) {
        String toMarkdown() {
            return "| " + String.join(" | ", cell(figure), cell(value), cell(unit), cell(target), date.toString(),
                    "`" + cell(command) + "`") + " |";
        }

        private static String cell(String text) {
            return text.replace("|", "\\|").replace("\n", " ");
        }
    }

    private BenchmarkTable() {}

    /** Writes {@code rows} into the table of {@code file}, creating the file (and its folder) when absent. */
    public static void update(Path file, List<Row> rows) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, updated(existing, rows), StandardCharsets.UTF_8);
    }

    /** The page with {@code rows} in its table: same-named rows replaced in place, new ones appended. */
    static String updated(String existing, List<Row> rows) {
        Map<String, Row> pending = new LinkedHashMap<>();
        rows.forEach(row -> pending.put(row.figure(), row));
        if (existing == null || existing.isBlank()) {
            existing = INTRO;
        }
        List<String> lines = new ArrayList<>(existing.lines().toList());
        int header = lines.indexOf(HEADER);
        if (header < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add(HEADER);
            lines.add(SEPARATOR);
            header = lines.size() - 2;
        }
        int end = header + 2;
        for (; end < lines.size() && lines.get(end).startsWith("|"); end++) {
            Row replacement = pending.remove(figureOf(lines.get(end)));
            if (replacement != null) {
                lines.set(end, replacement.toMarkdown());
            }
        }
        List<String> added = pending.values().stream().map(Row::toMarkdown).toList();
        lines.addAll(end, added);
        return String.join("\n", lines) + "\n";
    }

    private static String figureOf(String tableLine) {
        String[] cells = tableLine.split("\\|", -1);
        return cells.length > 1 ? cells[1].trim().replace("`", "") : "";
    }
}
