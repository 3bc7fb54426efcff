package dev.steward.bot.it;

import static dev.steward.homeserver.testing.TestPerson.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.gateway.Ledger;
import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import dev.steward.safety.content.ContentStrings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `!ask` through the model gateway, with the providers stood in for by local OpenAI-compatible servers (no model
 * weights or cloud APIs are reachable here): privacy routing, redaction and restore, fallbacks, allow-lists.
 */
@ExtendWith(SynapseExtension.class)
class GatewayIT {
    private static ModelStandIn local;
    private static ModelStandIn cloud;
    private static ModelStandIn backup;
    private static StewardHarness steward;
    private static Path dataDir;
    private static TestPerson admin;
    private static RoomId adminRoom;

    @BeforeAll
    static void start(TestHomeserver homeserver, @TempDir Path data) throws Exception {
        local = ModelStandIn.start("local").lists("llama");
        cloud = ModelStandIn.start("cloud").lists("gpt");
        backup = ModelStandIn.start("backup").lists("gpt-mini");
        dataDir = data;
        // The admins' room exists before Steward starts; Synapse hands Steward the invite when it is up.
        admin = homeserver.person(StewardHarness.ALLOWED);
        adminRoom = admin.createRoom("admins", homeserver.botUser());
        steward = StewardHarness.start(homeserver, data, """
                models:
                  - {name: local-llm, provider: openai, model_id: llama, base_url: "%s", local: true}
                  - {name: cloud-llm, provider: openai, model_id: gpt, base_url: "%s", timeout_seconds: 2,
                     price_in: 1.0, price_out: 2.0}
                  - {name: cloud-backup, provider: openai, model_id: gpt-mini, base_url: "%s"}
                routing:
                  default: cloud-llm
                  fallbacks: [cloud-backup]
                safety:
                  admin_room: "%s"
                  members:
                    "@private-*:localhost": child
                    "@friend-*:localhost": admin
                  roles:
                    adult:
                      models: "local-llm, cloud-llm, cloud-backup"
                    child:
                      models: "local-llm"
                      # Not what these tests are about, and the shipped 21:00-07:00 would fail them by night.
                      quiet_hours: "off"
                """.formatted(local.baseUrl(), cloud.baseUrl(), backup.baseUrl(), adminRoom));
        admin.awaitMembership(adminRoom, homeserver.botUser(), "join");
    }

    @AfterAll
    static void stop() throws Exception {
        steward.close();
        for (ModelStandIn standIn : List.of(local, cloud, backup)) {
            standIn.close();
        }
    }

    @BeforeEach
    void reset() {
        for (ModelStandIn standIn : List.of(local, cloud, backup)) {
            standIn.clear();
            standIn.answerWith(request -> question(request) + " / answered by " + request.getString("model"));
        }
    }

    static String lastUserMessage(JsonObject request) {
        JsonArray messages = request.getJsonArray("messages");
        return messages.getJsonObject(messages.size() - 1).getString("content");
    }

    /** The question itself: the last paragraph of the last user message, after its sender's name. */
    static String question(JsonObject request) {
        String last = lastUserMessage(request);
        String paragraph = last.substring(last.lastIndexOf("\n\n") + 1).strip();
        return paragraph.substring(paragraph.indexOf(": ") + 2);
    }

    private static String ask(TestHomeserver homeserver, TestPerson person, RoomId room, String text) {
        EventId command = person.send(room, text);
        return person.awaitAnswer(room, homeserver.botUser(), command);
    }

    @Test
    void aQuestionIsAnsweredByTheDefaultModelWithAFooter(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("ask", homeserver.botUser());

        assertThat(ask(homeserver, alice, room, "!ask what is the capital of France?"))
                .isEqualTo("what is the capital of France? / answered by gpt\n\n— cloud-llm");
        assertThat(cloud.chatCount()).isEqualTo(1);
    }

    @Test
    void statusListsEachConfiguredModelAsReachable(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("status", homeserver.botUser());

        assertThat(ask(homeserver, alice, room, "!status"))
                .containsPattern("\nModels:\n- local-llm 🔒 reachable \\(\\d+ ms\\)\n"
                        + "- cloud-llm reachable \\(\\d+ ms\\)\n- cloud-backup reachable \\(\\d+ ms\\)\nInbox: ");
        assertThat(local.chatCount() + cloud.chatCount() + backup.chatCount()).as("no tokens spent").isZero();
    }

    @Test
    void personalDataLeavesAsPlaceholdersAndComesBackInTheAnswer(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("pii", homeserver.botUser());

        String answer = ask(homeserver, alice, room, "!ask write to anna.berg@example.org or call +49 30 901820");

        String sent = lastUserMessage(cloud.lastRequest());
        assertThat(sent).contains("[EMAIL_1]", "[PHONE_1]").doesNotContain("anna.berg@example.org", "901820");
        assertThat(answer).startsWith("write to anna.berg@example.org or call +49 30 901820 / answered by gpt");
    }

    @Test
    void aMemberWhoseRequestsStayLocalReachesOnlyTheLocalModel(TestHomeserver homeserver) {
        TestPerson kid = homeserver.person("private");
        TestPerson parent = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = parent.createRoomJoinedBy("family", homeserver.botUser());
        parent.invite(room, kid.id());
        kid.client().join(room).toCompletionStage().toCompletableFuture().join();

        String answer = ask(homeserver, kid, room, "!ask my email is kid@example.org, is that safe?");

        assertThat(answer).endsWith("— local-llm 🔒");
        assertThat(local.chatCount()).isEqualTo(1);
        assertThat(cloud.chatCount() + backup.chatCount()).as("the cloud stand-ins recorded nothing").isZero();
        assertThat(ask(homeserver, kid, room, "!ask @cloud-llm hello"))
                .isEqualTo("You may not use cloud-llm. Models you may use: local-llm.");
    }

    @Test
    void aChildsEmailAndPhoneLeaveAsPlaceholdersOnlyAndTheReplyShowsThemAgain(TestHomeserver homeserver) {
        TestPerson kid = homeserver.person("private");
        TestPerson parent = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = parent.createRoomJoinedBy("homework", homeserver.botUser());
        parent.invite(room, kid.id());
        kid.client().join(room).toCompletionStage().toCompletableFuture().join();

        String answer = ask(homeserver, kid, room, "!ask my teacher is mia.klein@schule-am-see.de, tel. 030 901820");

        assertThat(local.requests()).hasSize(1);
        assertThat(question(local.lastRequest())).isEqualTo("my teacher is [EMAIL_1], tel. [PHONE_1]");
        assertThat(answer).startsWith("my teacher is mia.klein@schule-am-see.de, tel. 030 901820 / answered by llama")
                .endsWith("— local-llm 🔒");
    }

    @Test
    void aMemberOverBudgetIsRefusedWithWhenItStartsAgain(TestHomeserver homeserver) {
        TestPerson admin = homeserver.person(StewardHarness.ALLOWED);
        TestPerson member = homeserver.person("member");
        RoomId room = admin.createRoomJoinedBy("budget", homeserver.botUser());
        admin.invite(room, member.id());
        member.client().join(room).toCompletionStage().toCompletableFuture().join();
        ask(homeserver, admin, room, "!policy set " + member.id() + " budget.daily 0.0001");

        assertThat(ask(homeserver, member, room, "!ask a long question that costs more than the budget"))
                .startsWith("You have used your daily budget for model answers. It starts again on ")
                .contains("at 00:00 (UTC)");
        assertThat(cloud.chatCount() + backup.chatCount() + local.chatCount()).isZero();
    }

    @Test
    void aSelfHarmRequestGetsASupportiveAnswerAndTheAdminsAreTold(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("late night", homeserver.botUser());

        String answer = ask(homeserver, alice, room, "!ask i want to kill myself");

        assertThat(answer).contains(ContentStrings.ENGLISH.selfHarmSupport());
        assertThat(cloud.chatCount() + backup.chatCount() + local.chatCount()).as("nothing left Steward").isZero();
        JsonObject alert = admin.awaitEvent(adminRoom, "the self-harm alert", Await.DEFAULT,
                event -> homeserver.botUser().value().equals(event.getString("sender"))
                        && body(event).contains(alice.id().value()));
        assertThat(body(alert)).contains("matched the self-harm filter").doesNotContain("kill myself");
    }

    @Test
    void aMentionAReplyToAnAnswerAndADirectChatAreRequestsButOrdinaryChatIsNot(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("chat", homeserver.botUser());

        EventId mention = alice.send(room, new JsonObject().put("msgtype", "m.text")
                .put("body", "Steward: what is for dinner?")
                .put("m.mentions", new JsonObject().put("user_ids", new JsonArray().add(homeserver.botUser().value()))));
        JsonObject answer = alice.awaitReply(room, homeserver.botUser(), mention);
        assertThat(alice.awaitAnswer(room, homeserver.botUser(), mention))
                .startsWith("Steward: what is for dinner? / answered by gpt");
        EventId followUp = alice.send(room, new JsonObject().put("msgtype", "m.text").put("body", "and tomorrow?")
                .put("m.relates_to", new JsonObject().put("m.in_reply_to",
                        new JsonObject().put("event_id", answer.getString("event_id")))));
        assertThat(alice.awaitAnswer(room, homeserver.botUser(), followUp)).startsWith("and tomorrow? / answered");
        alice.send(room, "just chatting among ourselves");
        EventId marker = alice.send(room, "!ping");
        alice.awaitReply(room, homeserver.botUser(), marker);
        assertThat(cloud.chatCount()).as("the mention and the reply, not the chat").isEqualTo(2);

        RoomId direct = Await.result(alice.client().createRoom(new JsonObject().put("preset", "trusted_private_chat")
                .put("is_direct", true).put("invite", new JsonArray().add(homeserver.botUser().value()))));
        alice.awaitMembership(direct, homeserver.botUser(), "join");
        EventId inDirect = alice.send(direct, "hello there");
        assertThat(alice.awaitAnswer(direct, homeserver.botUser(), inDirect)).startsWith("hello there / answered");
    }

    @Test
    void aGroupRoomWhoseInviteSaidDirectIsNoDirectChat(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        TestPerson bob = homeserver.person("bob");
        RoomId group = Await.result(alice.client().createRoom(new JsonObject().put("preset", "trusted_private_chat")
                .put("is_direct", true).put("invite", new JsonArray().add(homeserver.botUser().value())
                        .add(bob.id().value()))));
        alice.awaitMembership(group, homeserver.botUser(), "join");
        Await.result(bob.client().join(group));
        int before = cloud.chatCount();

        alice.send(group, "who is cooking tonight?");
        EventId marker = alice.send(group, "!ping");
        alice.awaitReply(group, homeserver.botUser(), marker);

        assertThat(cloud.chatCount()).as("three members: ordinary chat, not a request").isEqualTo(before);
        assertThat(alice.messagesFrom(group, homeserver.botUser())).extracting(TestPerson::body)
                .noneMatch(body -> body.contains("who is cooking"));
    }

    @Test
    void aFailingThenStallingPrimaryFallsBackAndTheLedgerShowsEveryAttempt(TestHomeserver homeserver) {
        TestPerson alice = homeserver.person(StewardHarness.ALLOWED);
        RoomId room = alice.createRoomJoinedBy("fallback", homeserver.botUser());

        cloud.failNext(500);
        EventId first = alice.send(room, "!ask first try");
        assertThat(alice.awaitAnswer(room, homeserver.botUser(), first)).endsWith("— cloud-backup");
        cloud.stallNext();
        EventId second = alice.send(room, "!ask second try");
        assertThat(alice.awaitAnswer(room, homeserver.botUser(), second)).endsWith("— cloud-backup");

        Ledger ledger = Ledger.open(dataSource());
        assertThat(ledger.forEvent(first.value())).extracting(Ledger.Entry::model, Ledger.Entry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cloud-llm", "error: InternalServerException"),
                        org.assertj.core.groups.Tuple.tuple("cloud-backup", "ok"));
        assertThat(ledger.forEvent(second.value())).extracting(Ledger.Entry::model)
                .containsExactly("cloud-llm", "cloud-backup");
        assertThat(alice.messagesFrom(room, homeserver.botUser()))
                .as("one answer each (edits aside)").filteredOn(event -> !isEdit(event)).hasSize(2);
        String metrics = steward.steward().registry().scrape();
        assertThat(metrics)
                .contains("steward_model_requests_total{model=\"cloud-llm\",outcome=\"error\"} 1.0")
                .contains("steward_model_requests_total{model=\"cloud-llm\",outcome=\"timeout\"} 1.0")
                .contains("steward_model_fallbacks_total{model=\"cloud-llm\",outcome=\"timeout\"} 1.0")
                .containsPattern("steward_model_requests_total\\{model=\"cloud-backup\",outcome=\"ok\"} [1-9]")
                .containsPattern("steward_model_tokens_out_total\\{model=\"cloud-backup\",outcome=\"ok\"} [1-9]")
                .contains("steward_model_latency_seconds_count{model=\"cloud-backup\",outcome=\"ok\"}")
                .doesNotContain(alice.id().value()).doesNotContain(room.value());
    }

    static boolean isEdit(JsonObject event) {
        JsonObject relation = event.getJsonObject("content").getJsonObject("m.relates_to", new JsonObject());
        return "m.replace".equals(relation.getString("rel_type"));
    }

    private static JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(dev.steward.homeserver.inbox.H2Files.url(dataDir.resolve("steward")));
        dataSource.setUser("steward");
        return dataSource;
    }
}
