package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family room where a child (whose words stay on local models) and an adult both talk to Steward. What the cloud
 * stand-in receives over the whole conversation is recorded: none of the child's words, nor Steward's answers to the
 * child, whoever asks later.
 */
@ExtendWith(SynapseExtension.class)
class ContextPrivacyIT {
    private static final String CHILD_SECRET = "I am scared of the big dog at Hazel Lane";
    private static final String CHILD_QUESTION = "how do I stop being afraid of dogs";
    private static final String LOCAL_ANSWER = "Dogs can feel scary; talk to your mum about Biscuit";
    private static final List<String> CHILD_WORDS = List.of("Hazel Lane", "afraid of dogs", "Biscuit");

    private final ModelStandIn local = ModelStandIn.start("local").lists("llama");
    private final ModelStandIn cloud = ModelStandIn.start("cloud").lists("gpt");
    private StewardHarness steward;

    @AfterEach
    void stop() throws Exception {
        if (steward != null) {
            steward.close();
        }
        local.close();
        cloud.close();
    }

    private StewardHarness start(TestHomeserver homeserver, Path data, boolean withLocalModel) throws Exception {
        String localModel = withLocalModel ? """
                  - {name: local-llm, provider: openai, model_id: llama, base_url: "%s", local: true}
                """.formatted(local.baseUrl()) : "";
        return StewardHarness.start(homeserver, data, """
                models:
                %s  - {name: cloud-llm, provider: openai, model_id: gpt, base_url: "%s"}
                routing:
                  default: cloud-llm
                safety:
                  members:
                    "@%s-kid-*:localhost": child
                  roles:
                    child:
                      quiet_hours: "off"
                """.formatted(localModel, cloud.baseUrl(), StewardHarness.ALLOWED));
    }

    /** The adult's room, which the child joins and talks in: chat, and a question Steward answers locally. */
    private RoomId familyRoomWhereTheChildSpoke(TestHomeserver homeserver, TestPerson adult, TestPerson child) {
        RoomId room = adult.createRoomJoinedBy("Family", homeserver.botUser());
        adult.invite(room, child.id());
        Await.result(child.client().join(room));
        child.send(room, CHILD_SECRET);
        local.answerWith(LOCAL_ANSWER);
        String answer = child.awaitAnswer(room, homeserver.botUser(), child.send(room, "!ask " + CHILD_QUESTION));
        assertThat(answer).as("the child's question stays local").contains(LOCAL_ANSWER).endsWith("— local-llm 🔒");
        return room;
    }

    private void assertTheCloudHeardNothingOfTheChild() {
        String everything = String.join("\n", cloud.requests().stream().map(JsonObject::encode).toList());
        for (String words : CHILD_WORDS) {
            assertThat(everything).as("what the cloud stand-in received").doesNotContain(words);
        }
    }

    @Test
    void withALocalModelTheAdultsRequestGoesLocalAndModelsSaysWhy(TestHomeserver homeserver, @TempDir Path data)
            throws Exception {
        steward = start(homeserver, data, true);
        TestPerson adult = homeserver.person(StewardHarness.ALLOWED + "-mum");
        TestPerson child = homeserver.person(StewardHarness.ALLOWED + "-kid");
        RoomId room = familyRoomWhereTheChildSpoke(homeserver, adult, child);

        local.answerWith("Local answer for the adult.");
        String answer = adult.awaitAnswer(room, homeserver.botUser(), adult.send(room, "!ask what should we cook?"));

        assertThat(answer).endsWith("— local-llm 🔒");
        assertThat(local.lastRequest().encode()).as("the local model may see the child's words")
                .contains("Hazel Lane");
        assertThat(adult.awaitAnswer(room, homeserver.botUser(), adult.send(room, "!models")))
                .contains("would go to local-llm (context that must stay local (")
                .contains("earlier messages): local only");
        assertTheCloudHeardNothingOfTheChild();
    }

    @Test
    void withoutALocalModelTheChildsWordsAndStewardsAnswersToThemAreLeftOut(TestHomeserver homeserver,
            @TempDir Path data) throws Exception {
        steward = start(homeserver, data, true);
        TestPerson adult = homeserver.person(StewardHarness.ALLOWED + "-dad");
        TestPerson child = homeserver.person(StewardHarness.ALLOWED + "-kid");
        RoomId room = familyRoomWhereTheChildSpoke(homeserver, adult, child);
        steward.close();
        steward = start(homeserver, data, false);
        adult.send(room, "Dinner at seven, everyone");

        cloud.answerWith("Cloud answer.");
        adult.awaitAnswer(room, homeserver.botUser(), adult.send(room, "!ask what should we cook tonight?"));
        adult.awaitAnswer(room, homeserver.botUser(), adult.send(room, "@steward:localhost any dessert ideas?"));

        assertThat(cloud.chatCount()).isEqualTo(2);
        assertThat(cloud.lastRequest().encode()).as("an adult's own words still go")
                .contains("Dinner at seven, everyone");
        assertThat(adult.awaitAnswer(room, homeserver.botUser(), adult.send(room, "!models")))
                .contains("would go to cloud-llm (left out ")
                .contains("earlier messages that must stay on local models");
        assertTheCloudHeardNothingOfTheChild();
    }
}
