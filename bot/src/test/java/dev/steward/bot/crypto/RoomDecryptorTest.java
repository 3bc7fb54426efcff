package dev.steward.bot.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.connect2x.trixnity.crypto.driver.megolm.GroupSession;
import dev.steward.bot.gateway.Ledger;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening encrypted events before the router: a readable one becomes the event it carries; a forged sender, another
 * room, a replayed index are refused; one without its key waits, stored. Real vodozemac sessions and H2.
 */
class RoomDecryptorTest {
    private static final String ROOM = "!room:localhost";
    private static final String ALICE = "@alice:localhost";

    private Vertx vertx;
    private CryptoThread crypto;
    private CryptoStore store;
    private RoomKeys keys;
    private WaitingEvents waiting;
    private RoomDecryptor decryptor;
    private GroupSession alices;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Ledger.open(dataSource);
        store = new CryptoStore(dataSource, Clock.systemUTC());
        keys = new RoomKeys(new RoomKeyStore(store), new StoreKey("unit tests' store key"));
        waiting = new WaitingEvents(store);
        crypto = new CryptoThread(vertx);
        MatrixClient unused = MatrixClient.create(vertx, WebClient.create(vertx), "http://127.0.0.1:9", "unused",
                UserId.of("@steward:localhost"), RetryPolicy.PROBE);
        decryptor = new RoomDecryptor(crypto, keys, waiting, new EncryptedRooms(unused, crypto, new DeviceStore(store)),
                CryptoMeters.NONE);
        alices = Vodozemac.DRIVER.getMegolm().getGroupSession().invoke();
    }

    @AfterEach
    void close() throws Exception {
        alices.close();
        crypto.close();
        Await.result(vertx.close());
    }

    private void aliceSharesHerKey() {
        aliceSharesHerKey(alices.getSessionKey().getBase64());
    }

    /** A room key as Alice's client shares it: exported before the messages it decrypts. */
    private void aliceSharesHerKey(String sessionKey) {
        assertThat(keys.add(ROOM, alices.getSessionId(), sessionKey, "aliceCurve", ALICE, "aliceEd")).isTrue();
    }

    private MatrixEvent encrypted(String eventId, String sender, String payloadRoom, String body) {
        String ciphertext = alices.encrypt(new JsonObject().put("type", "m.room.message").put("room_id", payloadRoom)
                .put("content", new JsonObject().put("msgtype", "m.text").put("body", body)).encode()).getBase64();
        return event(eventId, sender, ciphertext);
    }

    private MatrixEvent event(String eventId, String sender, String ciphertext) {
        JsonObject event = new JsonObject().put("type", "m.room.encrypted").put("room_id", ROOM).put("sender", sender)
                .put("event_id", eventId).put("origin_server_ts", 1L)
                .put("content", new JsonObject().put("algorithm", Vodozemac.MEGOLM).put("sender_key", "aliceCurve")
                        .put("session_id", alices.getSessionId()).put("ciphertext", ciphertext)
                        .put("m.relates_to", new JsonObject().put("m.in_reply_to",
                                new JsonObject().put("event_id", "$earlier"))));
        try {
            return MatrixEvent.from(Json.MAPPER.readTree(event.encode()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Opened open(MatrixEvent event) {
        return Await.result(decryptor.open(event));
    }

    @Test
    void aReadableEventBecomesTheMessageItCarriesWithItsRelationAndIds() {
        aliceSharesHerKey();

        Opened opened = open(encrypted("$one", ALICE, ROOM, "!ping"));

        assertThat(opened).isInstanceOf(Opened.Readable.class);
        MatrixEvent event = ((Opened.Readable) opened).event();
        assertThat(event.type()).isEqualTo("m.room.message");
        assertThat(event.body()).isEqualTo("!ping");
        assertThat(event.eventId().value()).isEqualTo("$one");
        assertThat(event.sender().value()).isEqualTo(ALICE);
        assertThat(event.inReplyTo().map(Object::toString)).hasValueSatisfying(id -> assertThat(id).contains("earlier"));
    }

    @Test
    void aMessageUnderAliceKeySentAsSomeoneElseIsRefused() {
        aliceSharesHerKey();

        assertThat(open(encrypted("$forged", "@mallory:localhost", ROOM, "!forget everything")))
                .isInstanceOf(Opened.Unreadable.class);
    }

    @Test
    void aPayloadNamingAnotherRoomIsRefused() {
        aliceSharesHerKey();

        assertThat(open(encrypted("$moved", ALICE, "!other:localhost", "!ping"))).isInstanceOf(Opened.Unreadable.class);
    }

    @Test
    void theSameCiphertextUnderAnotherEventIdIsAReplay() {
        aliceSharesHerKey();
        MatrixEvent original = encrypted("$original", ALICE, ROOM, "!memory erase");
        String ciphertext = original.content().path("ciphertext").asText();

        assertThat(open(original)).isInstanceOf(Opened.Readable.class);
        assertThat(open(original)).isInstanceOf(Opened.Readable.class);
        assertThat(open(event("$replayed", ALICE, ciphertext))).isInstanceOf(Opened.Unreadable.class);
    }

    @Test
    void withoutItsKeyAnEventWaitsStoredUntilTheKeyComes() {
        String keyNotSentYet = alices.getSessionKey().getBase64();
        MatrixEvent early = encrypted("$early", ALICE, ROOM, "!ping");

        assertThat(open(early)).isInstanceOf(Opened.Waiting.class);
        assertThat(Await.result(crypto.run(() -> waiting.forSession(ROOM, alices.getSessionId()))))
                .extracting(WaitingEvents.Waiting::eventId).containsExactly("$early");

        aliceSharesHerKey(keyNotSentYet);
        assertThat(open(early)).isInstanceOf(Opened.Readable.class);
        assertThat(Await.result(crypto.run(() -> waiting.count()))).isZero();
    }

    @Test
    void aForwardedRoomKeyOpensTheMessagesItWasExportedFor() throws Exception {
        String keyNotSentYet = alices.getSessionKey().getBase64();
        MatrixEvent early = encrypted("$waited", ALICE, ROOM, "!ping");
        assertThat(open(early)).isInstanceOf(Opened.Waiting.class);
        // Alice's other device exports the session it holds (as it answers a key request) and forwards it.
        try (var hers = Vodozemac.DRIVER.getMegolm().getInboundGroupSession()
                .invoke(Vodozemac.DRIVER.getMegolm().getSessionKey().invoke(keyNotSentYet))) {
            assertThat(keys.addForwarded(ROOM, alices.getSessionId(), hers.exportAtFirstKnownIndex().getBase64(),
                    "aliceCurve", ALICE, "aliceEd")).isTrue();
        }

        assertThat(open(early)).isInstanceOf(Opened.Readable.class);
    }

    @Test
    void aRoomKeyWhoseSessionIdIsNotItsOwnIsNotKept() {
        assertThat(keys.add(ROOM, "not-the-session-id", alices.getSessionKey().getBase64(), "aliceCurve", ALICE,
                "aliceEd")).isFalse();
        assertThat(open(encrypted("$later", ALICE, ROOM, "!ping"))).isInstanceOf(Opened.Waiting.class);
    }

    @Test
    void keysAreStoredSealedNeverAsTheDriversPlainPickles() {
        OwnDevice.open(store, new StoreKey("unit tests' store key"), UserId.of(ALICE), "DEVICE");
        aliceSharesHerKey();

        String account = store.account().orElseThrow().pickle();
        String roomKey = store.sql().one("SELECT pickle FROM e2ee_inbound_group", row -> row.getString(1)).orElseThrow();
        // What the driver returns is base64 of plain JSON ("eyJ" is '{"'), whatever pickle key it is given.
        assertThat(alices.pickle(Vodozemac.DRIVER.getKey().getPickleKey().invoke(new byte[32]))).startsWith("eyJ");
        for (String stored : java.util.List.of(account, roomKey)) {
            assertThat(stored).doesNotStartWith("eyJ");
            assertThat(new String(java.util.Base64.getDecoder().decode(stored), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("\"signing_key\"").doesNotContain("ratchet");
        }
    }

    @Test
    void theAccountOpensOnlyWithItsStoreKey() {
        OwnDevice.open(store, new StoreKey("unit tests' store key"), UserId.of(ALICE), "DEVICE");

        assertThatThrownBy(() -> OwnDevice.open(store, new StoreKey("somebody else's store key"), UserId.of(ALICE),
                "DEVICE")).hasMessageContaining("encryption.store_key");
        assertThatThrownBy(() -> OwnDevice.open(store, new StoreKey("unit tests' store key"), UserId.of(ALICE),
                "OTHER")).hasMessageContaining("belongs to device DEVICE");
    }
}
