package dev.steward.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnTextTest {
    private static JsonObject message(String body) {
        return new JsonObject().put("type", "m.room.message").put("sender", "@alice:example.org")
                .put("content", new JsonObject().put("msgtype", "m.text").put("body", body));
    }

    @Test
    void aMessageCountsWithItsText() {
        assertThat(TurnText.of(message("Bin day is Thursday"), "!")).contains("Bin day is Thursday");
    }

    @Test
    void anAskCountsAsItsQuestionAndOtherCommandsDoNotCount() {
        assertThat(TurnText.of(message("!ask where do we eat?"), "!")).contains("where do we eat?");
        assertThat(TurnText.of(message("!ask @local-llm where do we eat?"), "!")).contains("where do we eat?");
        assertThat(TurnText.of(message("!ping"), "!")).isEmpty();
        assertThat(TurnText.of(message("!policy set @bob:x pii allow"), "!")).isEmpty();
    }

    @Test
    void theLatestEditCountsWithoutFooterOrReplyFallback() {
        JsonObject answer = message("Walk …");
        answer.put("unsigned", new JsonObject().put("m.relations", new JsonObject().put("m.replace",
                new JsonObject().put("content", new JsonObject().put("m.new_content",
                        new JsonObject().put("body", "> <@alice:example.org> plan?\n\nWalk, then lunch.\n\n— cloud-llm 🔒"))))));

        assertThat(TurnText.of(answer, "!")).contains("Walk, then lunch.");
    }

    @Test
    void editsRedactedMessagesAndOtherEventsAreNotTurns() {
        JsonObject edit = message("* better");
        edit.getJsonObject("content").put("m.relates_to", new JsonObject().put("rel_type", "m.replace"));
        JsonObject redacted = new JsonObject().put("type", "m.room.message").put("content", new JsonObject());

        assertThat(TurnText.of(edit, "!")).isEmpty();
        assertThat(TurnText.of(redacted, "!")).isEmpty();
        assertThat(TurnText.of(new JsonObject().put("type", "m.reaction").put("content", new JsonObject()), "!"))
                .isEqualTo(Optional.empty());
        JsonObject file = message("memories-alice.json");
        file.getJsonObject("content").put("msgtype", "m.file");
        assertThat(TurnText.of(file, "!")).as("a file's body is its name").isEmpty();
    }
}
