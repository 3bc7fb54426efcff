package dev.steward.bot.pipeline;

import dev.steward.commands.Invocation;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;

/** What the pipeline does with one event; decided by the pure {@link EventRouter}. */
public sealed interface Route {
    /** The route's name as metrics and logs show it. */
    String name();

    record Ignore(String reason) implements Route {
        public String name() {
            return "ignored";
        }
    }

    record Command(Invocation invocation) implements Route {
        public String name() {
            return "command";
        }
    }

    /**
     * A message that may be a model request: a mention of Steward, a reply (to one of Steward's answers, checked by
     * the handler), or a plain message (a request when the room is a direct chat with Steward, checked too).
     */
    record Chat(MatrixEvent event, Trigger trigger) implements Route {
        public enum Trigger { MENTION, REPLY, MESSAGE }

        public String name() {
            return "chat";
        }
    }

    /** Someone invited Steward into a room. */
    record Invite(RoomId room, UserId inviter, boolean direct) implements Route {
        public String name() {
            return "invite";
        }
    }

    /**
     * Steward's own join arrived: the room is now one it serves. {@code firstJoin} is false when the event only
     * changed its profile in the room (a join after a join).
     */
    record Joined(MatrixEvent event, boolean firstJoin) implements Route {
        public String name() {
            return "joined";
        }
    }

    /** Steward left the room or was removed from it: its memories are kept for the retention, then forgotten. */
    record Left(RoomId room) implements Route {
        public String name() {
            return "left";
        }
    }

    /** Someone redacted an event: memories that came from it are forgotten. */
    record Redaction(MatrixEvent event, EventId redacted) implements Route {
        public String name() {
            return "redaction";
        }
    }

    /** A reaction, which may confirm something Steward asked (forgetting memories). */
    record Reaction(MatrixEvent event, EventId target, String key) implements Route {
        public String name() {
            return "reaction";
        }
    }
}
