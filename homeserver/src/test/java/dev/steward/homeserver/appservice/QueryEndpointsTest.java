package dev.steward.homeserver.appservice;

import static dev.steward.homeserver.appservice.TransactionEndpointTest.assertOk;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The homeserver's questions to Steward: does this user exist, are you there. Refusals are in RefusedRequestsTest. */
class QueryEndpointsTest {
    @TempDir
    Path dir;
    private RunningAppservice appservice;

    @BeforeEach
    void start() throws Exception {
        appservice = RunningAppservice.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        appservice.close();
    }

    @Test
    void theBotUserExists() throws Exception {
        assertOk(appservice.send(HttpMethod.GET, "/_matrix/app/v1/users/%40steward%3Alocalhost", null));
    }

    @Test
    void theBotUserExistsOnTheLegacyPath() throws Exception {
        assertOk(appservice.send(HttpMethod.GET, "/users/%40steward%3Alocalhost", null));
    }

    @Test
    void aPingIsAnsweredAndReported() throws Exception {
        assertOk(appservice.send(HttpMethod.POST, "/_matrix/app/v1/ping", "{\"transaction_id\": \"ping-1\"}"));

        assertThat(appservice.listener.pinged.get(10, SECONDS)).isEqualTo("ping-1");
    }

    @Test
    void aPingWithoutABodyIsAnswered() throws Exception {
        assertOk(appservice.send(HttpMethod.POST, "/_matrix/app/v1/ping", null));
    }
}
