package dev.steward.homeserver.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.bench.BenchmarkTable.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/benchmarks.md is shared by every module's benchmark: one run must never erase another's figures. */
class BenchmarkTableTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final String COMMAND = "./mvnw -B -Pbench -pl homeserver verify";

    @Test
    void createsThePageWithItsIntroAndTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docs/benchmarks.md");

        BenchmarkTable.update(file, List.of(new Row("ingest_events_per_s", "25000", "events/s", "≥ 20000", DAY,
                COMMAND)));

        assertThat(Files.readString(file)).startsWith("# Benchmarks\n\n").contains("""
                | figure | value | unit | target | date | command |
                |---|---|---|---|---|---|
                | ingest_events_per_s | 25000 | events/s | ≥ 20000 | 2026-11-21 | `./mvnw -B -Pbench -pl homeserver verify` |
                """);
    }

    @Test
    void replacesItsOwnRowsInPlaceAndKeepsEveryOtherLine() {
        String page = """
                # Benchmarks

                Intro written by hand.

                | figure | value | unit | target | date | command |
                |---|---|---|---|---|---|
                | memory_query_p99_ms | 12 | ms | < 50 | 2026-11-01 | `./mvnw -B -Pbench -pl memory verify` |
                | ingest_events_per_s | 100 | events/s | ≥ 20000 | 2026-11-01 | `old` |
                | safety_pii_per_s | 9000 | messages/s | ≥ 5000 | 2026-11-01 | `./mvnw -B -Pbench -pl safety verify` |

                Notes after the table.
                """;

        String updated = BenchmarkTable.updated(page, List.of(
                new Row("ingest_events_per_s", "25000", "events/s", "≥ 20000", DAY, COMMAND),
                new Row("ingest_ack_p99_ms", "8.5", "ms", "< 50", DAY, COMMAND)));

        assertThat(updated.lines().toList()).containsExactly(
                "# Benchmarks",
                "",
                "Intro written by hand.",
                "",
                "| figure | value | unit | target | date | command |",
                "|---|---|---|---|---|---|",
                "| memory_query_p99_ms | 12 | ms | < 50 | 2026-11-01 | `./mvnw -B -Pbench -pl memory verify` |",
                "| ingest_events_per_s | 25000 | events/s | ≥ 20000 | 2026-11-21 | `" + COMMAND + "` |",
                "| safety_pii_per_s | 9000 | messages/s | ≥ 5000 | 2026-11-01 | `./mvnw -B -Pbench -pl safety verify` |",
                "| ingest_ack_p99_ms | 8.5 | ms | < 50 | 2026-11-21 | `" + COMMAND + "` |",
                "",
                "Notes after the table.");
    }

    @Test
    void runningTwiceLeavesOneRowPerFigure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("benchmarks.md");
        Row first = new Row("ingest_ack_p50_ms", "3.1", "ms", "", DAY, COMMAND);
        Row second = new Row("ingest_ack_p50_ms", "2.9", "ms", "", DAY.plusDays(1), COMMAND);

        BenchmarkTable.update(file, List.of(first));
        BenchmarkTable.update(file, List.of(second));

        assertThat(Files.readString(file).lines().filter(line -> line.startsWith("| ingest_ack_p50_ms")))
                .containsExactly(second.toMarkdown());
    }

    @Test
    void addsATableToAPageThatHasNone() {
        String updated = BenchmarkTable.updated("# Benchmarks\n\nNothing measured yet.\n",
                List.of(new Row("ingest_ack_p99_ms", "8.5", "ms", "< 50", DAY, COMMAND)));

        assertThat(updated).isEqualTo("""
                # Benchmarks

                Nothing measured yet.

                | figure | value | unit | target | date | command |
                |---|---|---|---|---|---|
                | ingest_ack_p99_ms | 8.5 | ms | < 50 | 2026-11-21 | `./mvnw -B -Pbench -pl homeserver verify` |
                """);
    }
}
