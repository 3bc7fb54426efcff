package dev.steward.homeserver.testing;

import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.id.ServerName;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.registration.Registration;
import dev.steward.homeserver.synapse.LocalSynapse;
import dev.steward.homeserver.synapse.SynapseAdmin;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The real Synapse the integration tests share: started once per test run with Steward's registration, whose
 * appservice port is fixed for the run so that every Steward a test starts is reachable at the same URL.
 */
public final class TestHomeserver implements AutoCloseable {
    public static final ServerName SERVER = ServerName.of("localhost");
    public static final String APPSERVICE_ID = "steward";
    public static final String BOT_LOCALPART = "steward";

    private final LocalSynapse synapse;
    private final Registration registration;
    private final Path registrationFile;
    private final int appservicePort;
    private final Vertx vertx;
    private final WebClient web;

    private TestHomeserver(LocalSynapse synapse, Registration registration, Path registrationFile, int appservicePort) {
        this.synapse = synapse;
        this.registration = registration;
        this.registrationFile = registrationFile;
        this.appservicePort = appservicePort;
        this.vertx = Vertx.vertx();
        this.web = WebClient.create(vertx);
    }

    public static TestHomeserver start() throws IOException, InterruptedException {
        int appservicePort = freePort();
        Path dir = Files.createTempDirectory("steward-it-");
        Registration registration = Registration.of(APPSERVICE_ID, "http://127.0.0.1:" + appservicePort, null, null,
                BOT_LOCALPART, SERVER);
        Path registrationFile = dir.resolve("registration.yaml");
        Files.writeString(registrationFile, registration.toYaml());
        LocalSynapse synapse = LocalSynapse.start(LocalSynapse.findScript(), instanceName(), freePort(), SERVER,
                List.of(registrationFile));
        return new TestHomeserver(synapse, registration, registrationFile, appservicePort);
    }

    /**
     * One Synapse instance per checkout: two clones (or worktrees) testing at once must not stop each other's
     * homeserver, which they would under one shared name.
     */
    static String instanceName() {
        Path checkout = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        return "it-" + Integer.toHexString(checkout.toString().hashCode() & 0x7fffffff);
    }

    /** A port the OS says is free now (for servers that must know their port before they start). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return synapse.url();
    }

    /** The registration Synapse was started with: Steward must run with these tokens on {@link #appservicePort}. */
    public Registration registration() {
        return registration;
    }

    public Path registrationFile() {
        return registrationFile;
    }

    public int appservicePort() {
        return appservicePort;
    }

    public UserId botUser() {
        return UserId.of(BOT_LOCALPART, SERVER);
    }

    public Vertx vertx() {
        return vertx;
    }

    /** A new person on the homeserver, whose localpart starts with {@code prefix}. */
    public TestPerson person(String prefix) {
        String localpart = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        SynapseAdmin.Session session = Await.result(
                new SynapseAdmin(web, url(), synapse.sharedSecret()).register(localpart, "pw-" + localpart, false));
        MatrixClient client = MatrixClient.create(vertx, web, url(), session.accessToken(), session.userId(),
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(20)));
        return new TestPerson(vertx, client);
    }

    /** A client acting as the bot itself, for tests that check what Synapse knows of Steward. */
    public MatrixClient botClient() {
        return MatrixClient.create(vertx, web, url(), registration.asToken(), botUser(), RetryPolicy.DEFAULT);
    }

    @Override
    public void close() throws Exception {
        synapse.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }
}
