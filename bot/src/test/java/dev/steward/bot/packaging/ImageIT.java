package dev.steward.bot.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.testing.Await;
import dev.steward.homeserver.testing.SynapseExtension;
import dev.steward.homeserver.testing.TestHomeserver;
import dev.steward.homeserver.testing.TestPerson;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image the build wrote ({@code -Ppackages}), run with podman against the test Synapse: its first
 * start writes a config and stops, the next writes the registration and stops, and then it answers {@code !ping},
 * reports healthy, and runs as its own user.
 */
@ExtendWith(SynapseExtension.class)
class ImageIT {
    private static final Path IMAGE = Path.of("target/steward-image.tar");

    @Test
    void theImageStartsInTwoStepsThenAnswersPingAndIsHealthy(TestHomeserver homeserver, @TempDir Path data)
            throws Exception {
        Podman podman = Podman.load(IMAGE);
        Podman.ownedByTheImage(data);

        Podman.Result first = podman.runOnce(data, Map.of());
        assertThat(first.status()).as(first.all()).isZero();
        assertThat(first.err()).contains("wrote a configuration to /data/config.yaml");
        assertThat(data.resolve("config.yaml")).exists();
        Files.delete(data.resolve("config.yaml"));

        Map<String, String> environment = new HashMap<>(Map.of(
                "STEWARD_HOMESERVER_URL", homeserver.url(),
                "STEWARD_HOMESERVER_SERVER_NAME", TestHomeserver.SERVER.value(),
                "STEWARD_APPSERVICE_ID", homeserver.registration().id(),
                "STEWARD_APPSERVICE_PORT", Integer.toString(homeserver.appservicePort()),
                "STEWARD_APPSERVICE_URL", "http://127.0.0.1:" + homeserver.appservicePort(),
                "STEWARD_INVITES_ALLOW", "[\"@image-*:" + TestHomeserver.SERVER.value() + "\"]"));
        Podman.Result second = podman.runOnce(data, environment);
        assertThat(second.status()).as(second.all()).isZero();
        assertThat(second.err()).contains("wrote the appservice registration to /data/registration.yaml");
        assertThat(data.resolve("registration.yaml")).exists();

        // The test Synapse already loaded its own registration: Steward runs with its tokens.
        Files.delete(data.resolve("registration.yaml"));
        environment.put("STEWARD_AS_TOKEN", homeserver.registration().asToken());
        environment.put("STEWARD_HS_TOKEN", homeserver.registration().hsToken());
        String name = "steward-image-it-" + ProcessHandle.current().pid();
        try {
            podman.start(name, data, environment);
            awaitReady(homeserver, name);

            TestPerson person = homeserver.person("image");
            RoomId room = person.createRoomJoinedBy("image", homeserver.botUser());
            EventId ping = person.send(room, "!ping");
            assertThat(person.awaitAnswer(room, homeserver.botUser(), ping)).startsWith("pong");

            Podman.Result health = Podman.podman("healthcheck", "run", name);
            assertThat(health.status()).as("the image's health check: %s", health.all()).isZero();
            Podman.Result doctor = Podman.podman("exec", name, "steward", "doctor", "-c", "/data/config.yaml");
            assertThat(doctor.out()).as(doctor.all()).containsPattern("ok +appservice ping");
            Podman.Result user = Podman.podman("exec", name, "id", "-u");
            assertThat(user.out().strip()).isEqualTo(Podman.UID);
            assertThat(data.resolve("steward.mv.db")).as("the database on the /data volume").exists();
        } finally {
            Podman.Result logs = Podman.podman("logs", name);
            Podman.podman("rm", "-f", "-t", "10", name);
            System.out.println("container log:\n" + logs.all());
        }
    }

    private static void awaitReady(TestHomeserver homeserver, String name) {
        WebClient web = WebClient.create(homeserver.vertx());
        String readyz = "http://127.0.0.1:" + homeserver.appservicePort() + "/readyz";
        Await.until(homeserver.vertx(), "the container " + name + " to be ready", Duration.ofSeconds(120),
                () -> web.getAbs(readyz).send()
                        .map(answer -> answer.statusCode() == 200 ? Optional.of(true) : Optional.<Boolean>empty())
                        .recover(e -> Future.succeededFuture(Optional.empty())));
    }
}
