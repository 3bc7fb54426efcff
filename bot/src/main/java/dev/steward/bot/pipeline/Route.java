package dev.steward.bot.pipeline;

import dev.steward.commands.Invocation;
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

    /** Someone invited Steward into a room. */
    record Invite(RoomId room, UserId inviter) implements Route {
        public String name() {
            return "invite";
        }
    }

    /** Steward's own join arrived: the room is now one it serves. */
    record Joined(RoomId room, String displayName) implements Route {
        public String name() {
            return "joined";
        }
    }
}
