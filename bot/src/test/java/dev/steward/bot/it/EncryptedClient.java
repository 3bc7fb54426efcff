package dev.steward.bot.it;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A person's real end-to-end encrypted client: matrix-js-sdk with its Rust crypto (what Element Web runs), in a Node
 * process that {@code src/test/js/client.mjs} drives; nothing of Steward's code encrypts or decrypts for it. The
 * client and Node 22 are installed by {@code src/test/js/install.sh} (which .ci/run runs) into the cache.
 */
public final class EncryptedClient implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Path SCRIPTS = Path.of("src/test/js").toAbsolutePath();

    private final Process process;
    private final BufferedWriter input;
    private final BufferedReader output;
    private final UserId user;
    private int nextId;

    private EncryptedClient(Process process, UserId user) {
        this.process = process;
        this.user = user;
        this.input = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Logs in as {@code person} (a new device of theirs) and starts syncing. */
    public static EncryptedClient login(TestHomeserver homeserver, TestPerson person, Path logDir) throws IOException {
        Path modules = installed().resolve("node_modules");
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(modules.resolve(".bin/node").toString(),
                SCRIPTS.resolve("client.mjs").toString())
                .redirectError(logDir.resolve("client-" + person.id().localpart() + ".log").toFile());
        builder.environment().put("STEWARD_E2EE_MODULES", modules.toString());
        EncryptedClient client = new EncryptedClient(builder.start(), person.id());
        client.call("login", new JsonObject().put("url", homeserver.url()).put("user", person.id().localpart())
                .put("password", "pw-" + person.id().localpart()));
        return client;
    }

    private static Path installed() throws IOException {
        Process install = new ProcessBuilder("bash", SCRIPTS.resolve("install.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String folder = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException("installing the encrypted-room test client failed: run "
                        + SCRIPTS.resolve("install.sh"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Path.of(folder);
    }

    public UserId user() {
        return user;
    }

    synchronized JsonObject call(String op, JsonObject arguments) {
        int id = ++nextId;
        try {
            input.write(arguments.copy().put("id", id).put("op", op).encode());
            input.newLine();
            input.flush();
            String line = CompletableFuture.supplyAsync(this::readLine).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("the encrypted client exited during " + op);
            }
            JsonObject answer = new JsonObject(line);
            if (!answer.getBoolean("ok")) {
                throw new IllegalStateException("the encrypted client failed " + op + ": " + answer.getString("error"));
            }
            return answer.getJsonObject("result");
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the encrypted client did not answer " + op, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String readLine() {
        try {
            return output.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An encrypted room (m.megolm.v1.aes-sha2 from its creation), inviting {@code invite}. */
    public RoomId createEncryptedRoom(String name, UserId... invite) {
        JsonArray invited = new JsonArray();
        for (UserId member : invite) {
            invited.add(member.value());
        }
        return RoomId.of(call("createRoom", new JsonObject().put("name", name).put("invite", invited))
                .getString("room_id"));
    }

    public void awaitMembership(RoomId room, UserId member, String membership) {
        call("waitMember", new JsonObject().put("room", room.value()).put("user", member.value())
                .put("membership", membership).put("timeoutMs", 30_000));
    }

    public void join(RoomId room) {
        call("join", new JsonObject().put("room", room.value()));
    }

    public void invite(RoomId room, UserId member) {
        call("invite", new JsonObject().put("room", room.value()).put("user", member.value()));
    }

    public EventId send(RoomId room, String body) {
        return EventId.of(call("send", new JsonObject().put("room", room.value()).put("body", body))
                .getString("event_id"));
    }

    public EventId react(RoomId room, EventId target, String key) {
        return EventId.of(call("react", new JsonObject().put("room", room.value()).put("event", target.value())
                .put("key", key)).getString("event_id"));
    }

    /** The room's messages from {@code sender}, decrypted by this client, each with its latest edit's text. */
    public List<JsonObject> messages(RoomId room, UserId sender) {
        return call("messages", new JsonObject().put("room", room.value()).put("sender", sender.value()))
                .getJsonArray("messages").stream().map(JsonObject.class::cast).toList();
    }

    /** Waits for {@code sender}'s message replying to {@code event} whose text {@code done} accepts. */
    public JsonObject awaitReply(RoomId room, UserId sender, EventId event, Predicate<String> done) {
        return awaitMessage(room, sender, "a reply to " + event, message ->
                event.value().equals(message.getString("in_reply_to")) && done.test(message.getString("body")));
    }

    /** Waits for a message from {@code sender} that {@code match} accepts, as this client decrypted it. */
    public JsonObject awaitMessage(RoomId room, UserId sender, String what, Predicate<JsonObject> match) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonObject> found = messages(room, sender).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            call("pause", new JsonObject().put("ms", 100));
        }
        throw new AssertionError("no message from " + sender + " (" + what + ") within 45 s");
    }

    /** The final text of {@code sender}'s reply (streamed answers end with " …" until their last edit). */
    public String awaitAnswer(RoomId room, UserId sender, EventId event) {
        return awaitReply(room, sender, event, body -> !body.endsWith(" …")).getString("body");
    }

    public JsonObject deviceStatus(UserId owner, String deviceId) {
        return call("deviceStatus", new JsonObject().put("user", owner.value()).put("device", deviceId));
    }

    /** Room keys this client sends from now on are held back (answered as sent) until {@link #releaseRoomKeys}. */
    public void holdRoomKeys() {
        call("holdRoomKeys", new JsonObject());
    }

    public int releaseRoomKeys() {
        return call("releaseRoomKeys", new JsonObject()).getInteger("released");
    }

    @Override
    public void close() {
        try {
            call("stop", new JsonObject());
        } catch (RuntimeException e) {
            // Already gone: nothing to stop.
        }
        process.destroy();
    }
}
