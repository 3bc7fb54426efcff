package dev.steward.bot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.bot.cli.DemoOptions;
import dev.steward.bot.demo.Demo;
import dev.steward.bot.demo.RunningDemo;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `steward demo`: its own Synapse and Steward, where the demo login works and !ping is answered. */
class DemoIT {

    @Test
    void theDemoLoginWorksAndPingIsAnsweredInTheDemoRoom(@TempDir Path data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Vertx vertx = Vertx.vertx();
        DemoOptions options = new DemoOptions(data, TestHomeserver.freePort(), TestHomeserver.freePort());
        try (RunningDemo demo = new Demo(print, print).run(options)) {
            WebClient web = WebClient.create(vertx);
            JsonObject login = Await.result(web.postAbs(demo.synapse().url() + "/_matrix/client/v3/login")
                    .sendJsonObject(new JsonObject()
                            .put("type", "m.login.password")
                            .put("identifier", new JsonObject().put("type", "m.id.user").put("user", demo.user()))
                            .put("password", demo.password())))
                    .bodyAsJsonObject();
            assertThat(login.getString("access_token")).as("login answer: %s", login).isNotBlank();

            TestPerson person = TestPerson.of(vertx, MatrixClient.create(vertx, web, demo.synapse().url(),
                    login.getString("access_token"), UserId.of(login.getString("user_id")), RetryPolicy.DEFAULT));
            RoomId room = RoomId.of(demo.room());
            EventId ping = person.send(room, "!ping");
            assertThat(TestPerson.body(person.awaitReply(room, UserId.of("@steward:localhost"), ping)))
                    .startsWith("pong");
        } finally {
            Await.result(vertx.close());
        }
    }
}
