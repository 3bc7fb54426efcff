package dev.steward.bot.crypto;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.connect2x.trixnity.crypto.driver.megolm.GroupSession;
import dev.steward.bot.gateway.Ledger;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.bench.BenchmarkTable;
import dev.steward.homeserver.bench.BenchmarkTable.Row;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.inbox.Inbox;
import dev.steward.homeserver.inbox.InboxEntry;
import dev.steward.homeserver.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Megolm decryption of room messages from the inbox, on Steward's one crypto thread (one core): 70,000 encrypted
 * messages of a room stored in the H2 inbox as Synapse delivers them and read back as the pipeline reads them (in
 * batches of 200, parsed), then opened one after another by {@link RoomDecryptor} (decrypt, check room, sender and
 * message index, parse the payload into the event the router gets): 20,000 to warm up, 50,000 timed. Reading the
 * inbox is not timed: the ingest benchmark measures the inbox.
 */
public final class DecryptBenchmark {
    private static final String COMMAND = "./mvnw -B install -DskipTests && ./mvnw -B -Pbench -pl bot verify";
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 50_000;
    private static final String ROOM = "!bench:localhost";
    private static final String SENDER = "@alice:localhost";

    private DecryptBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        Path data = Files.createTempDirectory("steward-bench-decrypt-");
        Vertx vertx = Vertx.vertx();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(H2Files.url(data.resolve("steward")));
        hikari.setUsername("steward");
        hikari.setPassword("");
        try (HikariDataSource dataSource = new HikariDataSource(hikari); CryptoThread crypto = new CryptoThread(vertx)) {
            Ledger.open(dataSource);
            Inbox inbox = Inbox.open(dataSource, Clock.systemUTC());
            CryptoStore store = new CryptoStore(dataSource, Clock.systemUTC());
            StoreKey key = new StoreKey("benchmark-store-key-0123456789");
            RoomKeys keys = new RoomKeys(new RoomKeyStore(store), key);
            MatrixClient unused = MatrixClient.create(vertx, WebClient.create(vertx), "http://127.0.0.1:9",
                    "unused", UserId.of("@steward:localhost"), RetryPolicy.PROBE);
            RoomDecryptor decryptor = new RoomDecryptor(crypto, keys, new WaitingEvents(store),
                    new EncryptedRooms(unused, crypto, new DeviceStore(store)), CryptoMeters.NONE);
            try (GroupSession sender = Vodozemac.DRIVER.getMegolm().getGroupSession().invoke()) {
                keys.add(ROOM, sender.getSessionId(), sender.getSessionKey().getBase64(), "senderCurveKey", SENDER,
                        "senderEd25519Key");
                store(inbox, sender, 0, WARM_UP + MEASURED);
            }
            List<MatrixEvent> events = read(inbox, WARM_UP + MEASURED);
            open(decryptor, crypto, events.subList(0, WARM_UP));
            long started = System.nanoTime();
            open(decryptor, crypto, events.subList(WARM_UP, events.size()));
            double perSecond = MEASURED / ((System.nanoTime() - started) / 1e9);
            System.out.printf(Locale.ROOT, "Megolm decryption from the inbox: %.0f events/s on one thread%n",
                    perSecond);
            if (perSecond < 5_000) {
                System.out.println("e2ee decryption: TARGET MISSED");
            }
            BenchmarkTable.update(table, List.of(new Row("e2ee_decrypt_events_per_s",
                    String.format(Locale.ROOT, "%.0f", perSecond), "events/s", "≥ 5000", LocalDate.now(), COMMAND)));
        } finally {
            Await.result(vertx.close(), Duration.ofSeconds(10));
        }
    }

    private static void store(Inbox inbox, GroupSession sender, int from, int count) {
        List<MatrixEvent> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            JsonObject payload = new JsonObject().put("type", "m.room.message").put("room_id", ROOM)
                    .put("content", new JsonObject().put("msgtype", "m.text")
                            .put("body", "Could someone pick up the kids at four today? Message " + i));
            JsonObject event = new JsonObject().put("type", "m.room.encrypted").put("room_id", ROOM)
                    .put("sender", SENDER).put("event_id", "$bench" + i).put("origin_server_ts", 1_700_000_000_000L + i)
                    .put("content", new JsonObject().put("algorithm", Vodozemac.MEGOLM)
                            .put("sender_key", "senderCurveKey").put("device_id", "ALICE")
                            .put("session_id", sender.getSessionId())
                            .put("ciphertext", sender.encrypt(payload.encode()).getBase64()));
            try {
                batch.add(MatrixEvent.from(Json.MAPPER.readTree(event.encode())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (batch.size() == 500) {
                inbox.store("bench-" + i, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            inbox.store("bench-last", batch);
        }
    }

    /** The events as the pipeline gets them: read back from the inbox in its batches of 200, parsed. */
    private static List<MatrixEvent> read(Inbox inbox, int count) {
        List<MatrixEvent> events = new ArrayList<>(count);
        long seq = 0;
        while (events.size() < count) {
            List<InboxEntry> batch = inbox.pending(seq, 200);
            for (InboxEntry entry : batch) {
                events.add(entry.event());
                seq = entry.seq();
            }
        }
        return events;
    }

    /** Opens the events one after another on the crypto thread, as the pipeline's {@code open} does. */
    private static void open(RoomDecryptor decryptor, CryptoThread crypto, List<MatrixEvent> events) {
        Await.result(crypto.run(() -> {
            for (MatrixEvent event : events) {
                if (!(decryptor.openOnCryptoThread(event) instanceof Opened.Readable)) {
                    throw new IllegalStateException("an event was not decrypted");
                }
            }
        }), Duration.ofMinutes(5));
    }
}
