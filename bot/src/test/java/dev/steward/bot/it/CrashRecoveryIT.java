package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: an event acknowledged to the homeserver but not handled when Steward dies (SIGKILL) is answered after
 * the restart, exactly once, and never again after a further restart. Steward runs as its real jar in its own
 * process; {@code pipeline.paused} holds the event in the inbox, the window a crash would hit.
 */
@ExtendWith(SynapseExtension.class)
class CrashRecoveryIT {
    private static final Pattern PENDING = Pattern.compile("(?m)^steward_inbox_pending (\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEventStoredBeforeSigkillIsAnsweredExactlyOnceAfterRestart(TestHomeserver homeserver, @TempDir Path data)
            throws Exception {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room;
        try (StewardHarness steward = StewardHarness.start(homeserver, data)) {
            room = alice.createRoomJoinedBy("crash", homeserver.botUser());
            assertThat(steward.get("/healthz").statusCode()).isEqualTo(200);
        }

        Process process = startJar(StewardHarness.writeConfig(homeserver, data, "pipeline:\n  paused: true"), data);
        EventId command;
        try {
            long before = awaitPending(homeserver, 0);
            command = alice.send(room, "!ping");
            awaitPending(homeserver, before + 1);
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
        assertThat(alice.messagesFrom(room, homeserver.botUser())).isEmpty();

        try (StewardHarness restarted = StewardHarness.start(homeserver, data)) {
            assertThat(TestPerson.body(alice.awaitReply(room, homeserver.botUser(), command))).startsWith("pong");
        }
        try (StewardHarness again = StewardHarness.start(homeserver, data)) {
            EventId marker = alice.send(room, "!ping");
            alice.awaitReply(room, homeserver.botUser(), marker);
        }
        assertThat(alice.messagesFrom(room, homeserver.botUser()))
                .extracting(TestPerson::inReplyTo)
                .filteredOn(command.value()::equals)
                .hasSize(1);
    }

    private static Process startJar(Path config, Path data) throws IOException {
        Path jar = Path.of("target", "steward.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(java, "-jar", jar.toString(), "run", "-c", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(Files.createFile(data.resolve("steward-process.log")).toFile())
                .start();
    }

    /** Waits until Steward's /metrics reports at least {@code atLeast} events waiting in the inbox. */
    private long awaitPending(TestHomeserver homeserver, long atLeast) {
        return Await.until(homeserver.vertx(), "the inbox to hold " + atLeast + " event(s)", Duration.ofSeconds(60),
                () -> homeserver.vertx().executeBlocking(() -> pending(homeserver).filter(n -> n >= atLeast)));
    }

    private Optional<Long> pending(TestHomeserver homeserver) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + homeserver.appservicePort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = PENDING.matcher(response.body());
            return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
