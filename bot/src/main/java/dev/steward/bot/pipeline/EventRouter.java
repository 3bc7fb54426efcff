package dev.steward.bot.pipeline;

import dev.steward.commands.CommandParser;
import dev.steward.homeserver.event.EventTypes;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.UserId;
import java.util.Optional;

/**
 * Decides what one event means for Steward. Pure: no I/O and no state, so every rule is a table-driven test.
 * Steward never answers itself, its namespaced users, or any {@code m.notice} (bots do not answer notices).
 */
public final class EventRouter {
    private static final String REDACTION = "m.room.redaction";
    private static final String REACTION = "m.reaction";

    private final UserId bot;
    private final CommandParser commands;

    public EventRouter(UserId bot, CommandParser commands) {
        this.bot = bot;
        this.commands = commands;
    }

    public Route route(MatrixEvent event) {
        if (EventTypes.MEMBER.equals(event.type()) && event.stateKey().equals(Optional.of(bot.value()))) {
            return membership(event);
        }
        // Whoever redacts, Steward included: what came from the event must be forgotten.
        if (REDACTION.equals(event.type())) {
            return event.redacts().<Route>map(redacted -> new Route.Redaction(event, redacted))
                    .orElseGet(() -> new Route.Ignore("redaction without a target"));
        }
        if (isOurs(event.sender())) {
            return new Route.Ignore("own event");
        }
        if (EventTypes.MESSAGE.equals(event.type())) {
            return message(event);
        }
        if (REACTION.equals(event.type())) {
            return reaction(event);
        }
        return new Route.Ignore("not handled: " + event.type());
    }

    private Route membership(MatrixEvent event) {
        return switch (event.membership()) {
            case "invite" -> isOurs(event.sender())
                    ? new Route.Ignore("own invite")
                    : new Route.Invite(event.roomId(), event.sender(), event.content().path("is_direct").asBoolean(false));
            case "join" -> new Route.Joined(event, !"join".equals(previousMembership(event)));
            case "leave", "ban" -> "join".equals(previousMembership(event)) ? new Route.Left(event.roomId())
                    : new Route.Ignore("membership " + event.membership());
            default -> new Route.Ignore("membership " + event.membership());
        };
    }

    /** Synapse puts the previous content in {@code unsigned}; older servers put it at the top level. */
    private static String previousMembership(MatrixEvent event) {
        String unsigned = event.raw().path("unsigned").path("prev_content").path("membership").asText("");
        return unsigned.isEmpty() ? event.raw().path("prev_content").path("membership").asText("") : unsigned;
    }

    private Route message(MatrixEvent event) {
        if (EventTypes.NOTICE.equals(event.msgtype())) {
            return new Route.Ignore("notice");
        }
        if (!EventTypes.TEXT.equals(event.msgtype())) {
            // Emotes, files and images whose caption starts with the prefix are not commands.
            return new Route.Ignore("msgtype " + event.msgtype());
        }
        if ("m.replace".equals(event.relationType())) {
            return new Route.Ignore("edit");
        }
        return commands.parse(event)
                .<Route>map(Route.Command::new)
                .orElseGet(() -> new Route.Chat(event, trigger(event)));
    }

    private static Route reaction(MatrixEvent event) {
        var relation = event.content().path("m.relates_to");
        String target = relation.path("event_id").asText("");
        if (!"m.annotation".equals(relation.path("rel_type").asText()) || target.isEmpty()) {
            return new Route.Ignore("reaction without a target");
        }
        try {
            return new Route.Reaction(event, EventId.of(target), relation.path("key").asText(""));
        } catch (IllegalArgumentException e) {
            return new Route.Ignore("reaction to a malformed event id");
        }
    }

    private Route.Chat.Trigger trigger(MatrixEvent event) {
        boolean mentioned = false;
        for (var user : event.content().path("m.mentions").path("user_ids")) {
            mentioned |= bot.value().equals(user.asText());
        }
        if (mentioned || event.body().contains(bot.value())) {
            return Route.Chat.Trigger.MENTION;
        }
        return event.inReplyTo().isPresent() ? Route.Chat.Trigger.REPLY : Route.Chat.Trigger.MESSAGE;
    }

    /** The bot and every user of its namespace ({@code @<localpart>_...} on the same server). */
    private boolean isOurs(UserId sender) {
        return sender.equals(bot)
                || (sender.server().equals(bot.server()) && sender.localpart().startsWith(bot.localpart() + "_"));
    }
}
