package dev.steward.homeserver.client;

import dev.steward.homeserver.id.RoomId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * How room messages look on the wire: end-to-end encryption seals what Steward sends in an encrypted room and
 * opens what it reads back (history, relations, single events). {@link #PLAIN} leaves both as they are.
 */
public interface EventCodec {
    /** A message event as it is sent: its type and content, or {@code m.room.encrypted} and the ciphertext. */
    record Outgoing(String type, JsonObject content) {}

    Future<Outgoing> seal(RoomId room, String type, JsonObject content);

    /** An event read from the homeserver, decrypted when it can be; otherwise the event as it came. */
    Future<JsonObject> open(JsonObject event);

    EventCodec PLAIN = new EventCodec() {
        @Override
        public Future<Outgoing> seal(RoomId room, String type, JsonObject content) {
            return Future.succeededFuture(new Outgoing(type, content));
        }

        @Override
        public Future<JsonObject> open(JsonObject event) {
            return Future.succeededFuture(event);
        }
    };
}
