package dev.steward.bot.crypto;

import de.connect2x.trixnity.crypto.driver.megolm.InboundGroupSession;
import dev.steward.bot.crypto.RoomKeyStore.Inbound;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Megolm sessions Steward decrypts with: stored in {@link RoomKeyStore}, the most used ones kept unpickled in
 * memory (unpickling costs more than decrypting a message). Crypto thread only.
 */
final class RoomKeys {
    private static final int CACHED = 2_000;

    /** A session ready to decrypt, and who it came from. */
    record Loaded(InboundGroupSession session, Inbound origin) {}

    private final RoomKeyStore store;
    private final StoreKey key;
    private final Map<String, Loaded> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
            if (size() > CACHED) {
                close(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    RoomKeys(RoomKeyStore store, StoreKey key) {
        this.store = store;
        this.key = key;
    }

    Optional<Loaded> inbound(String roomId, String sessionId) {
        String id = roomId + "|" + sessionId;
        Loaded cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return store.inbound(roomId, sessionId).map(origin -> {
            Loaded loaded = new Loaded(Vodozemac.DRIVER.getMegolm().getInboundGroupSession()
                    .fromPickle(key.openPickle(origin.pickle()), key.pickleKey()), origin);
            cache.put(id, loaded);
            return loaded;
        });
    }

    /**
     * Keeps a room key from {@code session_key} (an {@code m.room_key}).
     *
     * @return false when the key's session id is not the one it claims, or the session was known already
     */
    boolean add(String roomId, String sessionId, String sessionKey, String senderKey, String senderUser,
            String signingKey) {
        InboundGroupSession session = Vodozemac.DRIVER.getMegolm().getInboundGroupSession()
                .invoke(Vodozemac.DRIVER.getMegolm().getSessionKey().invoke(sessionKey));
        return keep(roomId, sessionId, session, senderKey, senderUser, signingKey);
    }

    /**
     * Keeps a room key forwarded by another device ({@code m.forwarded_room_key}: the session exported at an index).
     *
     * @return false when the key's session id is not the one it claims, or the session was known already
     */
    boolean addForwarded(String roomId, String sessionId, String exportedKey, String senderKey, String senderUser,
            String signingKey) {
        return keep(roomId, sessionId, imported(exportedKey), senderKey, senderUser, signingKey);
    }

    /** The driver's {@code import}, a Java keyword, so called by reflection. */
    private static InboundGroupSession imported(String exportedKey) {
        var factory = Vodozemac.DRIVER.getMegolm().getInboundGroupSession();
        try {
            return (InboundGroupSession) de.connect2x.trixnity.crypto.driver.megolm.InboundGroupSessionFactory.class
                    .getMethod("import", de.connect2x.trixnity.crypto.driver.megolm.ExportedSessionKey.class)
                    .invoke(factory, Vodozemac.DRIVER.getMegolm().getExportedSessionKey().invoke(exportedKey));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("importing a forwarded room key failed", e);
        }
    }

    private boolean keep(String roomId, String sessionId, InboundGroupSession session, String senderKey,
            String senderUser, String signingKey) {
        if (!session.getSessionId().equals(sessionId)) {
            close(new Loaded(session, null));
            return false;
        }
        Inbound origin = new Inbound(roomId, sessionId, senderKey, senderUser, signingKey,
                key.sealPickle(session.pickle(key.pickleKey())));
        boolean added = store.addInbound(origin);
        close(new Loaded(session, null));
        cache.remove(roomId + "|" + sessionId);
        return added;
    }

    private static void close(Loaded loaded) {
        try {
            loaded.session().close();
        } catch (Exception e) {
            // Native memory is also freed by the driver's cleaner; nothing to do.
        }
    }
}
