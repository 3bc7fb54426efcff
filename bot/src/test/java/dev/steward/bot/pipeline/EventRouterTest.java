package dev.steward.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.commands.CommandParser;
import dev.steward.homeserver.RecordedTransactions;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.UserId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Steward does with each event a real Synapse 1.160 pushed ({@code fixtures/synapse-1.160-transactions.jsonl},
 * bot {@code @steward:localhost}), and with variations of them: whom it answers, and what it never answers.
 */
class EventRouterTest {
    private static final UserId BOT = UserId.of("@steward:localhost");
    private static final Map<String, ObjectNode> RECORDED = RecordedTransactions.events().stream()
            .collect(Collectors.toMap(event -> event.json().get("event_id").asText(), RecordedTransactions.Event::json));

    private static final String INVITE_OF_BOT = "$5ao4-zjXVaH571egFfVcnpMYd0KR1GblEjIPgwJP9Ck";
    private static final String BOT_JOIN = "$nXYCRfOn4-S0xMq8Bi-d2PGn6J1VEfNdiGMEIdInRqs";
    private static final String INVITE_OF_OTHER_USER = "$jyI_DDF7lkk5cxpRZEdH0tiHgjISBWy6Ce4no88NZ8M";
    private static final String OTHER_USER_JOIN = "$jWy203iIVkZeWpk4vpQfL-dNoEiwlb100SalALoUcdA";
    private static final String COMMAND_MESSAGE = "$KAp_AYjvlJQEYI8AXV4bapXuhsHr15hl1jjGprOx7og";
    private static final String REACTION = "$gVfkberOxUhHBNGeDIPCXQljBUoifEL0H8ScVhWaNkw";
    private static final String OWN_NOTICE = "$DjgyDRF7B-DA_IHiwNM1SquXmz6RSfnShBy8Xml9d20";
    private static final String OTHER_BOT_NOTICE = "$7Xp01HO_xsaK71j4X76UyczpanqJCYykrUCdTLQaDdw";
    private static final String OWN_REACTION = "$tuU7ndaO_EeKmFUvSgRoMXJJzAK2twnZecDrTFMIf30";
    private static final String INVITE_FROM_NIO = "$X8j-xQzhmRscWDtFgrVEnlStY2xs5WEGwYD6V3phbkc";

    private final EventRouter router = new EventRouter(BOT, new CommandParser("!"));

    private static ObjectNode recorded(String eventId) {
        return RECORDED.get(eventId).deepCopy();
    }

    /** A recorded event, changed. */
    private static ObjectNode recorded(String eventId, Consumer<ObjectNode> change) {
        ObjectNode json = recorded(eventId);
        change.accept(json);
        return json;
    }

    /** The recorded {@code m.text} message, with another body. */
    private static ObjectNode text(String body) {
        return recorded(COMMAND_MESSAGE, json -> ((ObjectNode) json.get("content")).put("body", body));
    }

    /** The recorded {@code m.text} message "!ping", from another sender. */
    private static ObjectNode pingFrom(String sender) {
        return recorded(COMMAND_MESSAGE, json -> {
            json.put("sender", sender).put("user_id", sender);
            ((ObjectNode) json.get("content")).put("body", "!ping");
        });
    }

    static List<Arguments> events() {
        return List.of(
                argumentSet("recorded invite of the bot", recorded(INVITE_OF_BOT),
                        "invite from @admin1795271445:localhost"),
                argumentSet("recorded invite of the bot by a second client", recorded(INVITE_FROM_NIO),
                        "invite from @nio1795271447:localhost"),
                argumentSet("recorded invite of another user", recorded(INVITE_OF_OTHER_USER), "ignore"),
                argumentSet("recorded join of the bot", recorded(BOT_JOIN), "joined as ''"),
                argumentSet("join of the bot with its display name", recorded(BOT_JOIN,
                        json -> ((ObjectNode) json.get("content")).put("displayname", "Steward")), "joined as 'Steward'"),
                argumentSet("a profile change of the bot (join after join)", recorded(BOT_JOIN, json -> {
                    ((ObjectNode) json.get("content")).put("displayname", "Steward");
                    ((ObjectNode) json.get("unsigned")).putObject("prev_content").put("membership", "join");
                }), "joined as 'Steward' again"),
                argumentSet("recorded join of another user", recorded(OTHER_USER_JOIN), "ignore"),
                argumentSet("the bot left or was kicked", recorded(BOT_JOIN,
                        json -> ((ObjectNode) json.get("content")).put("membership", "leave")), "ignore"),
                argumentSet("the bot invited itself", recorded(INVITE_OF_BOT,
                        json -> json.put("sender", BOT.value())), "ignore"),
                argumentSet("recorded command message", recorded(COMMAND_MESSAGE), "command deploy status"),
                argumentSet("a ping", text("!ping"), "command ping"),
                argumentSet("a command in upper case", text("!HELP Ping"), "command help Ping"),
                argumentSet("a command in a reply, after the quote", text("> <@a:localhost> hi\n\n!ping"),
                        "command ping"),
                argumentSet("a command in a thread", recorded(COMMAND_MESSAGE, json -> ((ObjectNode) json.get("content"))
                        .put("body", "!ping").putObject("m.relates_to").put("rel_type", "m.thread")
                        .put("event_id", COMMAND_MESSAGE)), "command ping"),
                argumentSet("plain chat", text("good morning everyone"), "chat message"),
                argumentSet("a mention by id", text("@steward:localhost what is for dinner?"), "chat mention"),
                argumentSet("a mention by m.mentions", recorded(COMMAND_MESSAGE, json -> {
                    ObjectNode content = (ObjectNode) json.get("content");
                    content.put("body", "Steward: what is for dinner?");
                    content.putObject("m.mentions").putArray("user_ids").add(BOT.value());
                }), "chat mention"),
                argumentSet("a reply", recorded(COMMAND_MESSAGE, json -> ((ObjectNode) json.get("content"))
                        .put("body", "and tomorrow?").putObject("m.relates_to").putObject("m.in_reply_to")
                        .put("event_id", OWN_NOTICE)), "chat reply"),
                argumentSet("an emote that starts with the prefix", recorded(COMMAND_MESSAGE, json ->
                        ((ObjectNode) json.get("content")).put("msgtype", "m.emote").put("body", "!ping")), "ignore"),
                argumentSet("an image whose caption starts with the prefix", recorded(COMMAND_MESSAGE, json ->
                        ((ObjectNode) json.get("content")).put("msgtype", "m.image").put("body", "!ping.png")),
                        "ignore"),
                argumentSet("the prefix alone", text("!"), "chat message"),
                argumentSet("recorded own notice", recorded(OWN_NOTICE), "ignore"),
                argumentSet("own message that looks like a command", pingFrom(BOT.value()), "ignore"),
                argumentSet("a namespaced user of the bot", pingFrom("@steward_x:localhost"), "ignore"),
                argumentSet("same localpart pattern on another server", pingFrom("@steward_x:elsewhere.org"),
                        "command ping"),
                argumentSet("a user whose name merely starts like the bot's", pingFrom("@stewardess:localhost"),
                        "command ping"),
                argumentSet("recorded notice of another bot", recorded(OTHER_BOT_NOTICE), "ignore"),
                argumentSet("a notice that looks like a command", recorded(OTHER_BOT_NOTICE,
                        json -> ((ObjectNode) json.get("content")).put("body", "!ping")), "ignore"),
                argumentSet("an edit into a command", recorded(COMMAND_MESSAGE, json -> {
                    ObjectNode content = (ObjectNode) json.get("content");
                    content.put("body", "* !ping");
                    content.putObject("m.new_content").put("body", "!ping").put("msgtype", "m.text");
                    content.putObject("m.relates_to").put("rel_type", "m.replace").put("event_id", COMMAND_MESSAGE);
                }), "ignore"),
                argumentSet("an edit whose body starts with the prefix", recorded(COMMAND_MESSAGE,
                        json -> ((ObjectNode) json.get("content")).put("body", "!ping").putObject("m.relates_to")
                                .put("rel_type", "m.replace").put("event_id", COMMAND_MESSAGE)), "ignore"),
                argumentSet("recorded reaction", recorded(REACTION), "reaction 👍 on " + COMMAND_MESSAGE),
                argumentSet("recorded own reaction", recorded(OWN_REACTION), "ignore"),
                argumentSet("a room name change", recorded(REACTION, json -> {
                    json.put("type", "m.room.name").put("state_key", "");
                    json.putObject("content").put("name", "!ping");
                }), "ignore"),
                argumentSet("an encrypted message", recorded(COMMAND_MESSAGE, json -> {
                    json.put("type", "m.room.encrypted");
                    json.putObject("content").put("algorithm", "m.megolm.v1.aes-sha2").put("ciphertext", "AwgA");
                }), "ignore"),
                argumentSet("a redaction", recorded(REACTION, json -> {
                    json.put("type", "m.room.redaction");
                    json.putObject("content").put("redacts", COMMAND_MESSAGE);
                }), "redaction of " + COMMAND_MESSAGE));
    }

    @ParameterizedTest
    @MethodSource("events")
    void routesEachEvent(ObjectNode json, String expected) {
        MatrixEvent event = MatrixEvent.from(json);

        Route route = router.route(event);

        assertThat(describe(route)).isEqualTo(expected);
        if (route instanceof Route.Invite invite) {
            assertThat(invite.room()).isEqualTo(event.roomId());
        } else if (route instanceof Route.Joined joined) {
            assertThat(joined.event()).isSameAs(event);
        } else if (route instanceof Route.Command command) {
            assertThat(command.invocation().event()).isSameAs(event);
        }
    }

    /** The recorded message turned into another event type, with this content. */
    private static ObjectNode event(String type, String sender, String content) {
        return recorded(COMMAND_MESSAGE, json -> {
            json.put("type", type).put("sender", sender);
            json.set("content", io.vertx.core.json.jackson.DatabindCodec.mapper().valueToTree(
                    new io.vertx.core.json.JsonObject(content).getMap()));
        });
    }

    @Test
    void redactionsFromAnyoneReactionsFromPeopleAndStewardLeavingAreRouted() {
        String alice = "@alice:localhost";
        assertThat(describe(router.route(MatrixEvent.from(event("m.room.redaction", alice,
                "{\"redacts\": \"$gone\"}"))))).isEqualTo("redaction of $gone");
        assertThat(describe(router.route(MatrixEvent.from(event("m.room.redaction", BOT.value(),
                "{\"redacts\": \"$mine\"}"))))).as("Steward's own redactions forget too").isEqualTo("redaction of $mine");
        String annotation = "{\"m.relates_to\": {\"rel_type\": \"m.annotation\", \"event_id\": \"$prompt\","
                + " \"key\": \"✅\"}}";
        assertThat(describe(router.route(MatrixEvent.from(event("m.reaction", alice, annotation)))))
                .isEqualTo("reaction ✅ on $prompt");
        assertThat(describe(router.route(MatrixEvent.from(event("m.reaction", BOT.value(), annotation)))))
                .as("Steward's own pre-seeded reaction").isEqualTo("ignore");
        assertThat(describe(router.route(MatrixEvent.from(event("m.reaction", alice, "{}"))))).isEqualTo("ignore");
        ObjectNode left = recorded(BOT_JOIN, json -> {
            ((ObjectNode) json.get("content")).put("membership", "leave");
            json.putObject("unsigned").putObject("prev_content").put("membership", "join");
        });
        assertThat(describe(router.route(MatrixEvent.from(left)))).isEqualTo("left");
    }

    @Test
    void theConfiguredPrefixDecidesWhatIsACommand() {
        EventRouter questionMark = new EventRouter(BOT, new CommandParser("?"));

        assertThat(describe(questionMark.route(MatrixEvent.from(text("?ping now"))))).isEqualTo("command ping now");
        assertThat(describe(questionMark.route(MatrixEvent.from(text("!ping"))))).isEqualTo("chat message");
    }

    private static String describe(Route route) {
        return switch (route) {
            case Route.Ignore ignore -> "ignore";
            case Route.Command command -> ("command " + command.invocation().name() + " "
                    + command.invocation().arguments()).strip();
            case Route.Invite invite -> "invite from " + invite.inviter();
            case Route.Chat chat -> "chat " + chat.trigger().name().toLowerCase(java.util.Locale.ROOT);
            case Route.Joined joined -> "joined as '" + joined.event().content().path("displayname").asText("")
                    + "'" + (joined.firstJoin() ? "" : " again");
            case Route.Left left -> "left";
            case Route.Redaction redaction -> "redaction of " + redaction.redacted();
            case Route.Reaction reaction -> "reaction " + reaction.key() + " on " + reaction.target();
        };
    }
}
