package dev.steward.bot.crypto;

import dev.steward.bot.config.StewardConfig;
import dev.steward.commands.RoomReplies;
import dev.steward.homeserver.appservice.ExtensionHandler;
import dev.steward.homeserver.client.EventCodec;
import dev.steward.homeserver.client.KeysApi;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end encrypted rooms, as one unit: Steward's device and keys, what appservice transactions bring for
 * encryption ({@link #extensions()}), the opening of inbox events before the router ({@link #opener()}), and the
 * sealing of what Steward sends and opening of what it reads back ({@link #codec()}).
 */
public final class EndToEndEncryption implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EndToEndEncryption.class);
    private static final Duration SETUP_RETRY = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final CryptoThread crypto;
    private final OwnDevice device;
    private final DeviceSetup setup;
    private final EncryptedRooms rooms;
    private final RoomDecryptor decryptor;
    private final RoomEncryptor encryptor;
    private final ToDeviceReceiver receiver;
    private final WaitingEvents waiting;
    private final Clock clock;
    private final StewardConfig.Encryption config;
    private final CryptoMeters meters;
    private final KeysApi keys;
    private UndecryptableNotices notices;

    private EndToEndEncryption(Vertx vertx, CryptoThread crypto, OwnDevice device, DeviceSetup setup,
            EncryptedRooms rooms, RoomDecryptor decryptor, RoomEncryptor encryptor, ToDeviceReceiver receiver,
            WaitingEvents waiting, Clock clock, StewardConfig.Encryption config, CryptoMeters meters, KeysApi keys) {
        this.keys = keys;
        this.vertx = vertx;
        this.crypto = crypto;
        this.device = device;
        this.setup = setup;
        this.rooms = rooms;
        this.decryptor = decryptor;
        this.encryptor = encryptor;
        this.receiver = receiver;
        this.waiting = waiting;
        this.clock = clock;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Opens the key store (creating Steward's account on the first start). The device's publication and
     * cross-signing run afterwards ({@link #publish}), so a homeserver that is down at start delays them only.
     */
    public static Future<EndToEndEncryption> open(Vertx vertx, StewardConfig.Encryption config, MatrixClient bot,
            DataSource dataSource, Clock clock, CryptoMeters meters, PrintStream console) {
        CryptoThread crypto = new CryptoThread(vertx);
        StoreKey storeKey = new StoreKey(config.storeKey().orElseThrow());
        CryptoStore store = new CryptoStore(dataSource, clock);
        // user_id as well as device_id: Synapse 1.160 fails (500) to look the device up for the appservice's own
        // sender when user_id is left out.
        KeysApi keys = bot.actingAs(bot.self()).asDevice(config.deviceId()).keys();
        DeviceStore devices = new DeviceStore(store);
        WaitingEvents waiting = new WaitingEvents(store);
        RoomKeyStore roomKeyStore = new RoomKeyStore(store);
        RoomKeys roomKeys = new RoomKeys(roomKeyStore, storeKey);
        EncryptedRooms rooms = new EncryptedRooms(bot, crypto, devices);
        RoomDecryptor decryptor = new RoomDecryptor(crypto, roomKeys, waiting, rooms, meters);
        return crypto.run(() -> {
            rooms.load();
            decryptor.load();
            return OwnDevice.open(store, storeKey, bot.self(), config.deviceId());
        }).map(device -> {
            DeviceTracker tracker = new DeviceTracker(crypto, keys, devices);
            OlmChannel olm = new OlmChannel(crypto, store, device, tracker);
            DeviceSetup setup = new DeviceSetup(crypto, keys, store, storeKey, device, config.recoveryKey(), console);
            RoomEncryptor encryptor = new RoomEncryptor(crypto, keys, rooms, tracker, olm, roomKeyStore, roomKeys,
                    storeKey, device, config, decryptor, meters);
            ToDeviceReceiver receiver = new ToDeviceReceiver(crypto, waiting, olm, roomKeys, tracker, setup,
                    MAX_ONE_TIME_KEYS, meters);
            return new EndToEndEncryption(vertx, crypto, device, setup, rooms, decryptor, encryptor, receiver, waiting,
                    clock, config, meters, keys);
        });
    }

    /** vodozemac's accounts keep 50 unpublished one-time keys; Steward keeps half of that on the homeserver. */
    private static final int MAX_ONE_TIME_KEYS = 50;

    /**
     * Publishes the device, its keys and its cross-signing, tried again every 30 s until the homeserver takes them;
     * then handles to-device messages left from the last run, and starts the notices about unreadable messages.
     *
     * @param displayName the device's name as clients show it
     * @param replies how the notices are sent (through the sealing client, so they are encrypted too)
     * @param pipeline where events whose room key arrived go back to
     */
    public Future<Void> publish(String displayName, RoomReplies replies, Consumer<MatrixEvent> pipeline) {
        receiver.redeliverTo(pipeline);
        notices = new UndecryptableNotices(vertx, crypto, waiting, replies, clock, config.undecryptableNotice(), meters,
                keys, device.deviceId());
        notices.start();
        receiver.drain();
        return publishUntilDone(displayName);
    }

    private Future<Void> publishUntilDone(String displayName) {
        return setup.start(displayName)
                .onSuccess(done -> log.info("end-to-end encryption ready: device {} of {}, cross-signed",
                        device.deviceId(), device.user()))
                .recover(e -> {
                    log.warn("publishing Steward's device failed ({}); trying again in {} s", e.getMessage(),
                            SETUP_RETRY.toSeconds());
                    return vertx.timer(SETUP_RETRY.toMillis()).compose(again -> publishUntilDone(displayName));
                });
    }

    public ExtensionHandler extensions() {
        return receiver;
    }

    public EventOpener opener() {
        return decryptor::open;
    }

    public EventCodec codec() {
        return encryptor;
    }

    /**
     * Privacy hook (issue 9's sensitivity rule takes this at merge): a room known to be encrypted is private by
     * default, so what is said there goes to local models only and its memories stay in it.
     */
    public boolean isEncrypted(RoomId room) {
        return rooms.knownEncrypted(room);
    }

    @Override
    public void close() throws Exception {
        if (notices != null) {
            notices.stop();
        }
        crypto.run(() -> {
            try {
                device.close();
            } catch (Exception e) {
                log.debug("closing the account failed: {}", e.toString());
            }
        }).eventually(() -> {
            crypto.close();
            return Future.succeededFuture();
        });
    }
}
