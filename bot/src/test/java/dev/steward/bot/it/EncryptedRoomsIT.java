package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted rooms as a person in Element has them: the room is created encrypted by a real client (matrix-js-sdk
 * with its Rust crypto), Steward reads it and answers in it with its own cross-signed device.
 */
@ExtendWith(SynapseExtension.class)
class EncryptedRoomsIT {
    static final String ENCRYPTION = """
            encryption:
              store_key: "integration-tests-store-key-0123456789"
              undecryptable_notice_seconds: 3
            models:
              - {name: local-llm, provider: openai, model_id: llama, base_url: "%s", local: true}
              - {name: cloud-llm, provider: openai, model_id: gpt, base_url: "%s"}
            routing:
              default: cloud-llm
            safety:
              # What was said while the room was private never leaves, even after !private off.
              sensitive_context: leave_out
              members:
                "@friend-admin-*:localhost": admin
            """;

    private static ModelStandIn local;
    private static ModelStandIn cloud;
    private static StewardHarness steward;
    private static Path dataDir;
    private static TestHomeserver synapse;
    private static EncryptedClient alice;
    private static UserId bot;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @BeforeAll
    static void start(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        synapse = homeserver;
        bot = homeserver.botUser();
        LOG.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
        local = ModelStandIn.start("local").lists("llama");
        cloud = ModelStandIn.start("cloud").lists("gpt");
        dataDir = data.resolve("steward");
        steward = startSteward();
        alice = EncryptedClient.login(homeserver, homeserver.person(StewardHarness.ALLOWED), data.resolve("logs"));
    }

    private static StewardHarness startSteward() throws Exception {
        return StewardHarness.start(synapse, dataDir, ENCRYPTION.formatted(local.baseUrl(), cloud.baseUrl()));
    }

    @AfterAll
    static void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        alice.close();
        steward.close();
        local.close();
        cloud.close();
    }

    @BeforeEach
    void reset() {
        local.clear();
        cloud.clear();
        local.answerWith("a local answer");
        cloud.answerWith("a cloud answer");
    }

    private static RoomId encryptedRoomWithSteward(EncryptedClient owner, String name) {
        RoomId room = owner.createEncryptedRoom(name, bot);
        owner.awaitMembership(room, bot, "join");
        return room;
    }

    private static String ask(EncryptedClient person, RoomId room, String text) {
        return person.awaitAnswer(room, bot, person.send(room, text));
    }

    @Test
    void pingInAnEncryptedRoomIsAnsweredEncryptedAndDecryptsToPong() {
        RoomId room = encryptedRoomWithSteward(alice, "encrypted ping");

        JsonObject reply = alice.awaitReply(room, bot, alice.send(room, "!ping"), body -> body.startsWith("pong"));

        assertThat(reply.getString("body")).matches("pong \\(\\d+ ms from your message to my answer\\)");
        assertThat(reply.getBoolean("encrypted")).isTrue();
        // Steward reads the room, so it no longer says on joining that it cannot.
        assertThat(alice.messages(room, bot)).extracting(message -> message.getString("body"))
                .noneMatch(body -> body.contains("cannot read") || body.contains("will not answer here"));
    }

    @Test
    void stewardsDeviceIsCrossSignedByItsOwner() {
        JsonObject status = alice.deviceStatus(bot, "STEWARD");

        assertThat(status.getJsonArray("devices")).containsExactly("STEWARD");
        assertThat(status.getBoolean("signedByOwner")).isTrue();
    }

    @Test
    void afterARestartNewMessagesAndThoseSentWhileStoppedAreAnswered() throws Exception {
        RoomId room = encryptedRoomWithSteward(alice, "restarts");
        assertThat(ask(alice, room, "!ping")).startsWith("pong");

        steward.close();
        EventId whileStopped = alice.send(room, "!ping");
        steward = startSteward();

        assertThat(alice.awaitAnswer(room, bot, whileStopped)).startsWith("pong");
        assertThat(ask(alice, room, "!ping")).startsWith("pong");
        assertThat(alice.deviceStatus(bot, "STEWARD").getBoolean("signedByOwner")).isTrue();
    }

    @Test
    void someoneWhoJoinsLaterReadsStewardsAnswersSentAfterTheyJoined() throws Exception {
        RoomId room = encryptedRoomWithSteward(alice, "late joiner");
        assertThat(ask(alice, room, "!ping")).startsWith("pong");
        try (EncryptedClient bob = EncryptedClient.login(synapse, synapse.person(StewardHarness.ALLOWED),
                dataDir.resolveSibling("logs"))) {
            alice.invite(room, bob.user());
            bob.join(room);
            alice.awaitMembership(room, bob.user(), "join");

            EventId ping = bob.send(room, "!ping");

            JsonObject reply = bob.awaitReply(room, bot, ping, body -> body.startsWith("pong"));
            assertThat(reply.getBoolean("encrypted")).isTrue();
            assertThat(alice.awaitReply(room, bot, ping, body -> body.startsWith("pong")).getString("body"))
                    .isEqualTo(reply.getString("body"));
        }
    }

    @Test
    void askStaysOnTheLocalModelUntilAnAdminSaysPrivateOffWhichIsAudited() throws Exception {
        RoomId room = encryptedRoomWithSteward(alice, "private by default");
        try (EncryptedClient bob = EncryptedClient.login(synapse, synapse.person(StewardHarness.ALLOWED),
                dataDir.resolveSibling("logs"))) {
            alice.invite(room, bob.user());
            bob.join(room);

            assertThat(ask(alice, room, "!ask what is for dinner?")).startsWith("a local answer");
            assertThat(ask(bob, room, "!private off")).isEqualTo("Only this room's admins (power level 100 here) and"
                    + " admins can make this room private or not.");
            assertThat(ask(bob, room, "!ask and for dessert?")).startsWith("a local answer");
            assertThat(cloud.chatCount()).isZero();
            assertThat(local.chatCount()).isEqualTo(2);

            assertThat(ask(alice, room, "!private off")).isEqualTo("This room is no longer private.");
            assertThat(ask(alice, room, "!ask and tomorrow?")).startsWith("a cloud answer");
            assertThat(cloud.chatCount()).isEqualTo(1);
            assertThat(cloud.lastRequest().encode()).as("what was said while the room was private")
                    .doesNotContain("dinner").doesNotContain("dessert").doesNotContain("a local answer");
            TestPerson admin = synapse.person(StewardHarness.ALLOWED + "-admin");
            RoomId direct = Spaces.directChat(admin, bot);
            assertThat(admin.awaitAnswer(direct, bot, admin.send(direct, "!audit 50")))
                    .contains(alice.user().value() + " room_privacy private off")
                    .contains(bob.user().value() + " room.privacy refused: command !private")
                    .doesNotContain(bob.user().value() + " room_privacy");
        }
    }

    @Test
    void aCheckMarkOnForgetsConfirmationIsDecryptedAndActedOn() {
        RoomId room = encryptedRoomWithSteward(alice, "forgetting");
        assertThat(ask(alice, room, "!remember the spare key is under the blue pot")).contains("Remembered");

        JsonObject prompt = alice.awaitReply(room, bot, alice.send(room, "!forget spare key"),
                body -> body.startsWith("React with ✅"));
        alice.react(room, EventId.of(prompt.getString("event_id")), "✅");

        alice.awaitMessage(room, bot, "the confirmation", message -> message.getString("body")
                .startsWith("Forgot memory #"));
        assertThat(ask(alice, room, "!memory")).contains("This room remembers 0 memories");
    }

    @Test
    void aMessageWhoseKeyIsLateGetsOneNoticeAndIsAnsweredWhenTheKeyArrives() {
        RoomId room = encryptedRoomWithSteward(alice, "late key");
        alice.holdRoomKeys();
        EventId ping = alice.send(room, "!ping");

        alice.awaitReply(room, bot, ping, body -> body.startsWith("I could not read this message yet"));
        assertThat(alice.releaseRoomKeys()).isPositive();

        assertThat(alice.awaitReply(room, bot, ping, body -> body.startsWith("pong")).getBoolean("encrypted")).isTrue();
        assertThat(alice.messages(room, bot)).filteredOn(message -> message.getString("body")
                .startsWith("I could not read this message yet")).hasSize(1);
        String metrics = steward.get("/metrics").body();
        assertThat(metrics).contains("steward_e2ee_events_total{outcome=\"waiting_for_key\"}")
                .contains("steward_e2ee_events_total{outcome=\"late_key_arrived\"}")
                .doesNotContain(room.value());
    }

    @Test
    void nothingDecryptedReachesTheLog() {
        RoomId room = encryptedRoomWithSteward(alice, "secrets");
        String secret = "the spare key hangs under the blue flowerpot by the shed";

        assertThat(ask(alice, room, "!remember " + secret)).startsWith("Remembered as #");
        assertThat(ask(alice, room, "!recall spare key")).contains(secret);

        assertThat(LOG.list).isNotEmpty().noneMatch(event -> event.getFormattedMessage().contains("spare key")
                || event.getFormattedMessage().contains("flowerpot")
                || (event.getThrowableProxy() != null && event.getThrowableProxy().getMessage() != null
                        && event.getThrowableProxy().getMessage().contains("flowerpot")));
    }

    /**
     * Durability: Steward's real jar, killed (SIGKILL) while it answers a burst of encrypted pings, after a random
     * number of them; restarted on the same data, every ping is answered exactly once, and its device keeps working.
     */
    @Test
    void killedWhileAnsweringItLosesNoMessageAndNoKey() throws Exception {
        RoomId room = encryptedRoomWithSteward(alice, "killed");
        assertThat(ask(alice, room, "!ping")).startsWith("pong");
        steward.close();
        Path config = StewardHarness.writeConfig(synapse, dataDir, ENCRYPTION.formatted(local.baseUrl(),
                cloud.baseUrl()));
        Path jar = Path.of("target", "steward.jar").toAbsolutePath();
        assertThat(jar).exists();
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "run", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("killed-steward.log").toFile()).start();
        List<EventId> pings = new ArrayList<>();
        int killAfter = new Random().nextInt(4);
        try {
            for (int i = 0; i < 5; i++) {
                pings.add(alice.send(room, "!ping"));
            }
            // Killed once a random number (0 to 3) of the pings are answered: mid-burst, wherever that falls.
            for (int answered = 0; answered < killAfter; answered++) {
                alice.awaitReply(room, bot, pings.get(answered), body -> body.startsWith("pong"));
            }
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }

        steward = startSteward();

        for (EventId ping : pings) {
            alice.awaitReply(room, bot, ping, body -> body.startsWith("pong"));
        }
        assertThat(ask(alice, room, "!ping")).startsWith("pong");
        List<JsonObject> answers = alice.messages(room, bot);
        for (EventId ping : pings) {
            assertThat(answers).filteredOn(message -> ping.value().equals(message.getString("in_reply_to")))
                    .hasSize(1);
        }
        assertThat(alice.deviceStatus(bot, "STEWARD").getBoolean("signedByOwner")).isTrue();
    }
}
