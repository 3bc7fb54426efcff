package dev.steward.homeserver.appservice;

import static dev.steward.homeserver.TestEvents.messageJson;
import static dev.steward.homeserver.TestEvents.transaction;
import static dev.steward.homeserver.appservice.RunningAppservice.BODY_LIMIT;
import static dev.steward.homeserver.appservice.RunningAppservice.HS_TOKEN;
import static dev.steward.homeserver.appservice.TransactionEndpointTest.assertOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/** Requests the appservice API refuses: each gets its Matrix error, stores nothing, and breaks nothing. */
class RefusedRequestsTest {
    private static final String TXN = "/_matrix/app/v1/transactions/t1";
    private static final String VALID = transaction(messageJson("$e", "hello")).toString();
    private static final String OVERSIZED =
            transaction(messageJson("$big", "x".repeat(BODY_LIMIT + 1))).toString();
    private static final String BEARER = "Bearer " + HS_TOKEN;

    record Refused(HttpMethod method, String uri, String authorization, String body, int status, String errcode) {}

    static final List<Arguments> REFUSED = List.of(
            refused("no token", new Refused(HttpMethod.PUT, TXN, null, VALID, 401, "M_UNAUTHORIZED")),
            refused("no token on a query",
                    new Refused(HttpMethod.GET, "/_matrix/app/v1/users/%40steward%3Alocalhost", null, null, 401,
                            "M_UNAUTHORIZED")),
            refused("no token and an oversized body",
                    new Refused(HttpMethod.PUT, TXN, null, OVERSIZED, 401, "M_UNAUTHORIZED")),
            refused("wrong bearer token", new Refused(HttpMethod.PUT, TXN, "Bearer nope", VALID, 403, "M_FORBIDDEN")),
            // HTTP drops the trailing space of a header value, so "Bearer " arrives as a bare scheme: no token.
            refused("bearer without a token",
                    new Refused(HttpMethod.PUT, TXN, "Bearer ", VALID, 401, "M_UNAUTHORIZED")),
            refused("the token with a suffix",
                    new Refused(HttpMethod.PUT, TXN, BEARER + "x", VALID, 403, "M_FORBIDDEN")),
            refused("wrong query token",
                    new Refused(HttpMethod.PUT, "/transactions/t1?access_token=nope", null, VALID, 403,
                            "M_FORBIDDEN")),
            refused("body not json", new Refused(HttpMethod.PUT, TXN, BEARER, "{not json", 400, "M_NOT_JSON")),
            refused("json without events", new Refused(HttpMethod.PUT, TXN, BEARER, "{\"foo\":1}", 400, "M_BAD_JSON")),
            refused("events not an array",
                    new Refused(HttpMethod.PUT, TXN, BEARER, "{\"events\":{}}", 400, "M_BAD_JSON")),
            refused("json array", new Refused(HttpMethod.PUT, TXN, BEARER, "[]", 400, "M_BAD_JSON")),
            refused("body over the limit", new Refused(HttpMethod.PUT, TXN, BEARER, OVERSIZED, 413, "M_TOO_LARGE")),
            refused("another user",
                    new Refused(HttpMethod.GET, "/_matrix/app/v1/users/%40alice%3Alocalhost", BEARER, null, 404,
                            "M_NOT_FOUND")),
            refused("not a user id",
                    new Refused(HttpMethod.GET, "/_matrix/app/v1/users/steward", BEARER, null, 404, "M_NOT_FOUND")),
            refused("a room alias",
                    new Refused(HttpMethod.GET, "/_matrix/app/v1/rooms/%23ops%3Alocalhost", BEARER, null, 404,
                            "M_NOT_FOUND")),
            refused("a room alias on the legacy path",
                    new Refused(HttpMethod.GET, "/rooms/%23ops%3Alocalhost", BEARER, null, 404, "M_NOT_FOUND")),
            refused("a third-party protocol",
                    new Refused(HttpMethod.GET, "/_matrix/app/v1/thirdparty/protocol/irc", BEARER, null, 404,
                            "M_NOT_FOUND")),
            refused("a third-party user lookup",
                    new Refused(HttpMethod.GET, "/_matrix/app/unstable/thirdparty/user?userid=x", BEARER, null, 404,
                            "M_NOT_FOUND")));

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

    @ParameterizedTest
    @FieldSource("REFUSED")
    void isAnsweredWithAMatrixError(Refused request) throws Exception {
        assertRefused(request);
        assertThat(appservice.inbox.pendingCount()).isZero();
    }

    @Test
    void theServerStillStoresAValidTransactionAfterEveryRefusal() throws Exception {
        for (Arguments arguments : REFUSED) {
            assertRefused((Refused) arguments.get()[0]);
        }

        // The refused requests used txn id t1: none of them may have marked it as seen.
        assertOk(appservice.send(HttpMethod.PUT, TXN, VALID));

        assertThat(appservice.inbox.pending(0, 10)).extracting(entry -> entry.event().body()).containsExactly("hello");
    }

    private void assertRefused(Refused request) throws Exception {
        HttpResponse<Buffer> response =
                appservice.send(request.method(), request.uri(), request.authorization(), request.body());

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(request.status());
        JsonObject error = response.bodyAsJsonObject();
        assertThat(error.getString("errcode")).isEqualTo(request.errcode());
        assertThat(error.getString("error")).isNotBlank();
    }

    private static Arguments refused(String name, Refused request) {
        return argumentSet(name, request);
    }
}
