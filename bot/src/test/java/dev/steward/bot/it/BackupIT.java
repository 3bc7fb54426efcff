package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.cli.Cli;
import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward backup} while Steward answers people, then {@code steward restore} into a new data folder: a Steward
 * started there recalls the memories and shows the same policy, budget spend (the ledger) and audit log.
 */
@ExtendWith(SynapseExtension.class)
class BackupIT {

    @Test
    void aBackupTakenWhileStewardAnswersRestoresMemoriesPoliciesLedgerAndAudit(TestHomeserver homeserver,
            @TempDir Path old, @TempDir Path fresh, @TempDir Path backups) throws Exception {
        TestPerson admin = homeserver.person(StewardHarness.ALLOWED);
        TestPerson member = homeserver.person("member");
        Path backup = backups.resolve("steward-backup.zip");
        try (ModelStandIn model = ModelStandIn.start("model")) {
            model.answerWith("Pasta with the tomatoes from the garden.");
            String models = """
                    safety:
                      members:
                        "%s": admin
                    models:
                      - {name: cloud-llm, provider: openai, model_id: gpt, base_url: "%s", price_in: 100.0,
                         price_out: 100.0}
                    """.formatted(admin.id(), model.baseUrl());
            RoomId room;
            RoomId direct;
            String audit;
            String policy;
            String budget;
            try (StewardHarness steward = StewardHarness.start(homeserver, old, models)) {
                room = admin.createRoomJoinedBy("family", homeserver.botUser());
                admin.invite(room, member.id());
                member.client().join(room).toCompletionStage().toCompletableFuture().join();
                assertThat(ask(homeserver, admin, room, "!remember The boiler's reset button is behind the blue panel"))
                        .startsWith("Remembered as #");
                assertThat(ask(homeserver, member, room, "!policy set " + admin.id() + " budget.daily 99"))
                        .isEqualTo("Only admins can change members' policies.");
                assertThat(ask(homeserver, admin, room, "!policy set " + member.id() + " budget.daily 2.00"))
                        .startsWith("Set budget.daily");
                assertThat(ask(homeserver, member, room, "!ask what is for dinner?")).contains("Pasta");
                // The audit log is shown only in an admin's direct chat (or the admins' room).
                direct = Spaces.directChat(admin, homeserver.botUser());
                audit = ask(homeserver, admin, direct, "!audit");
                policy = ask(homeserver, member, room, "!policy");
                budget = ask(homeserver, member, room, "!budget");
                assertThat(budget).as("the answer cost something").doesNotContain("Today: 0.00");

                // People keep talking to Steward while the backup is written.
                CompletableFuture<List<String>> pings = CompletableFuture.supplyAsync(() -> {
                    List<String> answers = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        answers.add(ask(homeserver, member, room, "!ping"));
                    }
                    return answers;
                });
                Output output = new Output();
                int status = output.cli().run("backup", backup.toString(), "-c", old.resolve("config.yaml").toString());
                assertThat(status).as(output.text()).isZero();
                assertThat(output.text()).contains("Backed up the running Steward to " + backup);
                assertThat(pings.get()).allSatisfy(answer -> assertThat(answer).startsWith("pong"));
            }

            Path config = StewardHarness.writeConfig(homeserver, fresh, models);
            Output restore = new Output();
            assertThat(restore.cli().run("restore", backup.toString(), "-c", config.toString()))
                    .as(restore.text()).isZero();
            assertThat(restore.text()).contains("memories: 1").contains("policy overrides: 1")
                    .contains("model calls in the ledger: 1").contains("kept as it was: " + config);
            try (StewardHarness restored = StewardHarness.start(homeserver, fresh, models)) {
                assertThat(ask(homeserver, admin, room, "!recall boiler reset button")).contains("behind the blue panel");
                assertThat(ask(homeserver, admin, direct, "!audit")).isEqualTo(audit);
                assertThat(ask(homeserver, member, room, "!policy")).isEqualTo(policy);
                assertThat(ask(homeserver, member, room, "!budget")).isEqualTo(budget);
            }
        }
    }

    @Test
    void aRestoreNeverOverwritesADatabase(TestHomeserver homeserver, @TempDir Path data, @TempDir Path backups)
            throws Exception {
        Path backup = backups.resolve("backup.zip");
        try (StewardHarness steward = StewardHarness.start(homeserver, data)) {
            Output output = new Output();
            assertThat(output.cli().run("backup", backup.toString(), "-c", data.resolve("config.yaml").toString()))
                    .as(output.text()).isZero();
        }
        long size = Files.size(data.resolve("steward.mv.db"));

        Output restore = new Output();
        int status = restore.cli().run("restore", backup.toString(), "-c", data.resolve("config.yaml").toString());

        assertThat(status).isEqualTo(1);
        assertThat(restore.text()).contains("already holds a database").contains("new, empty data folder");
        assertThat(Files.size(data.resolve("steward.mv.db"))).isEqualTo(size);
    }

    @Test
    void aStoppedStewardIsBackedUpFromItsDataFolderAndABackupNeedsTheHsToken(TestHomeserver homeserver,
            @TempDir Path data, @TempDir Path backups) throws Exception {
        try (StewardHarness steward = StewardHarness.start(homeserver, data)) {
            // A request without the token, as anyone on the network could send it, gets nothing.
            var refused = steward.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(steward.baseUrl() + "/_steward/backup"))
                    .header("Authorization", "Bearer not-the-token")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("steward.mv.db");
        }
        Path backup = backups.resolve("offline.zip");
        Output output = new Output();

        int status = output.cli().run("backup", backup.toString(), "-c", data.resolve("config.yaml").toString());

        assertThat(status).as(output.text()).isZero();
        assertThat(output.text()).contains("No Steward answers").contains("Backed up");
        try (var zip = new java.util.zip.ZipFile(backup.toFile())) {
            assertThat(zip.getEntry("steward.mv.db")).isNotNull();
            assertThat(zip.getEntry("config.yaml")).isNotNull();
            assertThat(zip.getEntry("steward-backup.json")).isNotNull();
        }
    }

    private static String ask(TestHomeserver homeserver, TestPerson person, RoomId room, String text) {
        return person.awaitAnswer(room, homeserver.botUser(), person.send(room, text));
    }

    /** What a command printed, standard output and errors together. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        Cli cli() {
            return new Cli(print, print);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
