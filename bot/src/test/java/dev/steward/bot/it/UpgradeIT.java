package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade: a database made by the previous set of migrations (before the room settings, bot V3, and the memory,
 * memory V1), with a member's policy, an audit entry, a model call in the ledger and its spend in it, is opened by
 * this Steward, which migrates it at start; everything in it is still there and the new features work on it.
 */
@ExtendWith(SynapseExtension.class)
class UpgradeIT {
    /** The last migration of each module in the previous schema (git: before "Conversations ...", aadd0ce). */
    private static final String HOMESERVER_BEFORE = "1";
    private static final String SAFETY_BEFORE = "2";
    private static final String BOT_BEFORE = "2";

    @Test
    void aDatabaseOfThePreviousSchemaWithDataInItMigratesAndKeepsItsData(TestHomeserver homeserver,
            @TempDir Path data) throws Exception {
        TestPerson admin = homeserver.person(StewardHarness.ALLOWED);
        TestPerson member = homeserver.person("member");
        JdbcDataSource database = database(data);
        migrate(database, "homeserver", HOMESERVER_BEFORE);
        migrate(database, "safety", SAFETY_BEFORE);
        migrate(database, "bot", BOT_BEFORE);
        try (Connection connection = database.getConnection()) {
            assertThat(tableExists(connection, "MEMORIES")).as("the fixture is the previous schema").isFalse();
            assertThat(tableExists(connection, "ROOM_SETTING")).isFalse();
            seed(connection, admin, member);
        }

        String adminRole = """
                safety:
                  members:
                    "%s": admin
                """.formatted(admin.id());
        try (StewardHarness steward = StewardHarness.start(homeserver, data, adminRole)) {
            RoomId room = admin.createRoomJoinedBy("family", homeserver.botUser());
            admin.invite(room, member.id());
            member.client().join(room).toCompletionStage().toCompletableFuture().join();

            assertThat(ask(homeserver, member, room, "!policy"))
                    .contains("budget.daily = 3.00 (override for this member)");
            assertThat(ask(homeserver, member, room, "!budget"))
                    .contains("Today: 0.75 of 3.00 spent, 2.25 left; 1200 tokens");
            // The audit log is shown only in an admin's direct chat (or the admins' room).
            RoomId direct = Spaces.directChat(admin, homeserver.botUser());
            assertThat(ask(homeserver, admin, direct, "!audit"))
                    .contains(admin.id() + " policy set: budget.daily = 3.00 for " + member.id());
            assertThat(ask(homeserver, admin, room, "!remember The upgrade went fine"))
                    .as("the memory's tables were added to the old database").startsWith("Remembered as #");
            assertThat(ask(homeserver, admin, room, "!recall upgrade")).contains("The upgrade went fine");
        }
        try (Connection connection = database.getConnection()) {
            assertThat(latest(connection, "flyway_bot")).isEqualTo(newestShipped("bot"));
            assertThat(latest(connection, "flyway_memory")).isEqualTo(newestShipped("memory"));
            assertThat(count(connection, "ai_interaction")).isEqualTo(1);
        }
    }

    /** The newest migration the module ships (its resources, as the jar holds them). */
    private static String newestShipped(String module) throws IOException {
        Path folder = Path.of("..", module, "src/main/resources/db", module);
        try (Stream<Path> files = Files.list(folder)) {
            return String.valueOf(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow());
        }
    }

    private static JdbcDataSource database(Path data) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(H2Files.url(data.resolve("steward")));
        database.setUser("steward");
        database.setPassword("");
        return database;
    }

    /** The module's migrations up to {@code target}, from the same files the modules ship (Flyway's own check). */
    private static void migrate(JdbcDataSource database, String module, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/" + module).table("flyway_" + module)
                .baselineOnMigrate(true).baselineVersion("0").target(target).load().migrate();
    }

    private static void seed(Connection connection, TestPerson admin, TestPerson member) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        update(connection, "INSERT INTO policy_override (member, policy_key, value_text, set_by, set_at)"
                + " VALUES (?, 'budget.daily', '3.00', ?, ?)", member.id().value(), admin.id().value(), now);
        update(connection, "INSERT INTO audit_log (at, actor, room, rule, action, detail) VALUES (?, ?, NULL,"
                + " 'policy', 'set', ?)", now, admin.id().value(), "budget.daily = 3.00 for " + member.id());
        update(connection, "INSERT INTO ai_interaction (at, member, room, source_event, model, provider, tokens_in,"
                + " tokens_out, tokens_estimated, cost, latency_ms, route_reason, fallbacks_tried, redactions,"
                + " outcome) VALUES (?, ?, '!old:localhost', '$old', 'cloud-llm', 'openai', 1000, 200, FALSE,"
                + " 0.75, 900, 'default', 0, '', 'ok')", now, member.id().value());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        update(connection, "INSERT INTO budget_spend (member, period, period_start, tokens, cost) VALUES"
                + " (?, 'day', ?, 1200, 0.75), (?, 'month', ?, 1200, 0.75)", member.id().value(),
                Date.valueOf(today), member.id().value(), Date.valueOf(today.withDayOfMonth(1)));
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private static String latest(Connection connection, String history) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT \"version\" FROM \"" + history
                + "\" WHERE \"success\" ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String ask(TestHomeserver homeserver, TestPerson person, RoomId room, String text) {
        return person.awaitAnswer(room, homeserver.botUser(), person.send(room, text));
    }
}
