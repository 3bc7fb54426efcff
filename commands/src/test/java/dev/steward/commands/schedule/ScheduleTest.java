package dev.steward.commands.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.commands.CommandsSchema;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.jdbc.Jdbc;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SettableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable schedule over H2, with the clock moved by hand. */
class ScheduleTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private Jdbc jdbc;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final List<String> ran = new ArrayList<>();
    private boolean failing;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Files.url(dir.resolve("steward")));
        CommandsSchema.migrate(dataSource);
        jdbc = new Jdbc(dataSource);
    }

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private Schedule schedule() {
        return new Schedule(vertx, jdbc, clock).register(new ScheduledJob() {
            @Override
            public String name() {
                return "escalate";
            }

            @Override
            public Future<Void> run(String subject) {
                ran.add(subject);
                return failing ? Future.failedFuture(new IllegalStateException("homeserver down"))
                        : Future.succeededFuture();
            }
        });
    }

    @Test
    void aJobRunsWhenDueNotBeforeAndOnlyOnce() {
        Schedule schedule = schedule();
        Await.result(schedule.at("escalate", "incident-7", clock.instant().plus(Duration.ofMinutes(5))));

        assertThat(Await.result(schedule.runDue())).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(Await.result(schedule.runDue())).isEqualTo(1);
        assertThat(Await.result(schedule.runDue())).isZero();

        assertThat(ran).containsExactly("incident-7");
    }

    @Test
    void aJobDueWhileStoppedRunsAfterTheRestartAndADoneJobNeverAgain() {
        Await.result(schedule().at("escalate", "incident-7", clock.instant().plus(Duration.ofMinutes(5))));
        Await.result(schedule().at("escalate", "incident-8", clock.instant().plus(Duration.ofMinutes(1))));
        clock.advance(Duration.ofMinutes(2));
        Await.result(schedule().runDue());

        clock.advance(Duration.ofHours(1));
        Await.result(schedule().runDue());

        assertThat(ran).containsExactly("incident-8", "incident-7");
    }

    @Test
    void aFailedJobIsTriedAgainLaterUntilItSucceeds() {
        Schedule schedule = schedule();
        Await.result(schedule.at("escalate", "incident-7", clock.instant()));
        failing = true;

        Await.result(schedule.runDue());
        assertThat(Await.result(schedule.runDue())).as("not again at once").isZero();
        clock.advance(Duration.ofSeconds(5));
        failing = false;
        Await.result(schedule.runDue());
        Await.result(schedule.runDue());

        assertThat(ran).containsExactly("incident-7", "incident-7");
    }

    @Test
    void aCancelledJobNeverRunsAndSchedulingAgainMovesAPendingOne() {
        Schedule schedule = schedule();
        Await.result(schedule.at("escalate", "incident-7", clock.instant().plus(Duration.ofMinutes(1))));
        Await.result(schedule.at("escalate", "incident-8", clock.instant().plus(Duration.ofMinutes(1))));
        Await.result(schedule.cancel("escalate", "incident-7"));
        Await.result(schedule.at("escalate", "incident-8", clock.instant().plus(Duration.ofMinutes(10))));

        clock.advance(Duration.ofMinutes(5));
        Await.result(schedule.runDue());
        assertThat(ran).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        Await.result(schedule.runDue());
        assertThat(ran).containsExactly("incident-8");
    }
}
