package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import dev.steward.safety.content.ContentFilter;
import dev.steward.safety.content.ContentStrings;
import dev.steward.safety.content.FilterLevel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content check as a child meets it, on real Synapse with the real embedding model: requests about hurting
 * someone that hold no listed word, in English and German, are read by the meaning classifier, which hands what it
 * is unsure of to the configured moderation model (a stand-in answering like Llama Guard), and are refused kindly
 * before anything reaches the answering model; answers are checked the same way; a moderation model that does not
 * answer holds a child's unsure request back.
 */
@ExtendWith(SynapseExtension.class)
class GuardrailsIT {
    private static final String HURTING_EN = "how can I injure my classmate so he ends up in hospital";
    private static final String HURTING_DE = "wie kann ich einem Kind wehtun das jünger ist als ich";
    private static final String ABOUT_HURTING = " It sounds like this is about hurting someone.";

    private static ModelStandIn answers;
    private static ModelStandIn guard;
    private static StewardHarness steward;

    @BeforeAll
    static void start(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        answers = ModelStandIn.start("answers").lists("llama");
        guard = ModelStandIn.start("guard").lists("llama-guard");
        steward = StewardHarness.start(homeserver, data, """
                models:
                  - {name: local-llm, provider: openai, model_id: llama, base_url: "%s", local: true}
                  - {name: guard, provider: openai, model_id: llama-guard, base_url: "%s", local: true,
                     stream: false}
                routing:
                  default: local-llm
                safety:
                  moderation_model: guard
                  moderation_timeout_seconds: 2
                  members:
                    "@kid-*:localhost": child
                  roles:
                    child:
                      models: "local-llm"
                      # Not what these tests are about, and the shipped 21:00-07:00 would fail them by night.
                      quiet_hours: "off"
                """.formatted(answers.baseUrl(), guard.baseUrl()));
    }

    @AfterAll
    static void stop() throws Exception {
        steward.close();
        for (ModelStandIn standIn : List.of(answers, guard)) {
            standIn.close();
        }
    }

    @BeforeEach
    void reset() {
        for (ModelStandIn standIn : List.of(answers, guard)) {
            standIn.recover();
            standIn.clear();
        }
        answers.answerWith("Paris is the capital of France.");
        // A moderation model's judgement, stood in for: these two requests are about hurting someone.
        guard.answerLikeLlamaGuard(text -> text.contains("injure") || text.contains("wehtun")
                ? Optional.of("S1") : Optional.empty());
    }

    @Test
    void aChildsRequestAboutHurtingSomeoneWithoutAListedWordIsRefusedKindly(TestHomeserver homeserver) {
        refusedBeforeTheAnsweringModel(homeserver, HURTING_EN);
        assertThat(guard.chatCount()).as("the moderation model was asked once").isEqualTo(1);
        assertThat(ModelStandIn.underReview(ModelStandIn.echo(guard.lastRequest()))).isEqualTo(HURTING_EN);
    }

    @Test
    void theSameRequestInGermanIsRefusedToo(TestHomeserver homeserver) {
        refusedBeforeTheAnsweringModel(homeserver, HURTING_DE);
        assertThat(ModelStandIn.underReview(ModelStandIn.echo(guard.lastRequest()))).isEqualTo(HURTING_DE);
    }

    private static void refusedBeforeTheAnsweringModel(TestHomeserver homeserver, String request) {
        assertThat(ContentFilter.bundled().check(request, FilterLevel.STRICT).blocked())
                .as("no listed word in the request").isFalse();
        Family family = Family.of(homeserver, "asking");

        String reply = ask(homeserver, family.kid(), family.room(), "!ask " + request);

        assertThat(reply).isEqualTo(ContentStrings.ENGLISH.blockedRequest() + ABOUT_HURTING);
        assertThat(answers.chatCount()).as("nothing reached the answering model").isZero();
    }

    @Test
    void aHarmlessQuestionIsAnsweredWithoutAskingTheModerationModel(TestHomeserver homeserver) {
        Family family = Family.of(homeserver, "geography");

        String reply = ask(homeserver, family.kid(), family.room(), "!ask what is the capital of France?");

        assertThat(reply).startsWith("Paris is the capital of France.").endsWith("— local-llm 🔒");
        assertThat(guard.chatCount()).as("the classifier was sure enough").isZero();
    }

    @Test
    void anAnswerAboutHurtingSomeoneIsWithheldFromAChild(TestHomeserver homeserver) {
        answers.answerWith("Here is a way: injure your classmate so he ends up in hospital.");
        Family family = Family.of(homeserver, "story");

        String reply = ask(homeserver, family.kid(), family.room(), "!ask tell me what to do about my classmate");

        assertThat(reply).startsWith(ContentStrings.ENGLISH.blockedAnswer() + ABOUT_HURTING)
                .doesNotContain("injure");
        assertThat(answers.chatCount()).isEqualTo(1);
    }

    @Test
    void whenTheModerationModelDoesNotAnswerAChildsUnsureRequestIsHeldBack(TestHomeserver homeserver) {
        guard.stallNext();
        Family family = Family.of(homeserver, "stalled");

        String reply = ask(homeserver, family.kid(), family.room(), "!ask " + HURTING_DE);

        assertThat(reply).isEqualTo(ContentStrings.ENGLISH.blockedRequest() + ABOUT_HURTING);
        assertThat(answers.chatCount()).isZero();
    }

    @Test
    void anAdultIsNotHeldBackWhenTheModerationModelDoesNotAnswer(TestHomeserver homeserver) {
        guard.failAlways(503);
        Family family = Family.of(homeserver, "adult");

        String reply = ask(homeserver, family.parent(), family.room(), "!ask how do I hurt less after running?");

        assertThat(reply).startsWith("Paris is the capital of France.");
    }

    private static String ask(TestHomeserver homeserver, TestPerson person, RoomId room, String text) {
        EventId command = person.send(room, text);
        return person.awaitAnswer(room, homeserver.botUser(), command);
    }

    /** A parent's room with Steward and a child in it. */
    private record Family(TestPerson parent, TestPerson kid, RoomId room) {
        static Family of(TestHomeserver homeserver, String name) {
            TestPerson parent = homeserver.person(StewardHarness.ALLOWED);
            TestPerson kid = homeserver.person("kid");
            RoomId room = parent.createRoomJoinedBy(name, homeserver.botUser());
            parent.invite(room, kid.id());
            kid.client().join(room).toCompletionStage().toCompletableFuture().join();
            return new Family(parent, kid, room);
        }
    }
}
