package dev.steward.homeserver.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client-server API request with its retries. Built by {@link MatrixClient}; immutable once sent. */
final class ClientCall {
    private static final Logger log = LoggerFactory.getLogger(ClientCall.class);

    private final Vertx vertx;
    private final WebClient web;
    private final RetryPolicy retry;
    private final HttpMethod method;
    private final String url;
    private final String accessToken;
    private final Map<String, String> query = new LinkedHashMap<>();
    private JsonObject body;
    private Buffer bytes;
    private String bytesType;
    private boolean idempotent = true;
    private final CallObserver observer;

    ClientCall(Vertx vertx, WebClient web, RetryPolicy retry, String accessToken, HttpMethod method, String url,
            CallObserver observer) {
        this.observer = observer;
        this.vertx = vertx;
        this.web = web;
        this.retry = retry;
        this.accessToken = accessToken;
        this.method = method;
        this.url = url;
    }

    /** Percent-encodes one path segment: ids carry '!', '$', '#', '@' and ':'. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    ClientCall query(String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
        return this;
    }

    ClientCall body(JsonObject json) {
        this.body = json;
        return this;
    }

    /** A body that is not JSON (a file for the media repository), with its content type. */
    ClientCall bytes(Buffer content, String contentType) {
        this.bytes = content;
        this.bytesType = contentType;
        return this;
    }

    /** Marks a request that must not be repeated after a timeout or 5xx (creating a room, registering). */
    ClientCall notIdempotent() {
        this.idempotent = false;
        return this;
    }

    /** Sends the request; the answer's body as a JSON object (empty when there is none). */
    Future<JsonObject> send() {
        return sendForBody().map(ClientCall::asObject);
    }

    /** Sends a request whose answer is a JSON array ({@code GET /rooms/{roomId}/state}). */
    Future<JsonArray> sendForArray() {
        return sendForBody().map(body -> body == null || body.length() == 0 ? new JsonArray() : body.toJsonArray());
    }

    private Future<Buffer> sendForBody() {
        Promise<Buffer> result = Promise.promise();
        attempt(0, result);
        return result.future();
    }

    private void attempt(int attempt, Promise<Buffer> result) {
        HttpRequest<Buffer> request = web.requestAbs(method, url)
                .putHeader("Authorization", "Bearer " + accessToken)
                .timeout(retry.requestTimeout().toMillis());
        query.forEach(request::addQueryParam);
        long sent = System.nanoTime();
        Future<HttpResponse<Buffer>> response = bytes != null
                ? request.putHeader("Content-Type", bytesType).sendBuffer(bytes)
                : body == null ? request.send() : request.sendJsonObject(body);
        response.onComplete(done -> {
            observer.answered(method.name(), path(), sent, System.nanoTime());
            if (done.succeeded()) {
                answered(done.result(), attempt, result);
            } else {
                failedToAnswer(done.cause(), attempt, result);
            }
        });
    }

    private void answered(HttpResponse<Buffer> response, int attempt, Promise<Buffer> result) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            result.complete(response.body());
            return;
        }
        JsonObject json = asObject(response.body());
        String errcode = json.getString("errcode", "M_UNKNOWN");
        MatrixException error = new MatrixException(status, errcode, json.getString("error", "no message"), null);
        boolean last = attempt + 1 >= retry.maxAttempts();
        if (status == 429 && !last) {
            long wait = retry.rateLimitMillis(retryAfterMs(response, json), attempt);
            retryLater(wait, attempt, result, error);
        } else if (status >= 500 && idempotent && !last) {
            retryLater(retry.backoffMillis(attempt), attempt, result, error);
        } else {
            result.fail(error);
        }
    }

    private void failedToAnswer(Throwable cause, int attempt, Promise<Buffer> result) {
        MatrixException error = new MatrixException(0, "M_UNKNOWN", "no answer from the homeserver: " + cause, cause);
        if (idempotent && attempt + 1 < retry.maxAttempts()) {
            retryLater(retry.backoffMillis(attempt), attempt, result, error);
        } else {
            result.fail(error);
        }
    }

    private void retryLater(long waitMs, int attempt, Promise<Buffer> result, MatrixException error) {
        log.debug("{} {} failed ({}), retrying in {} ms", method, path(), error.getMessage(), waitMs);
        vertx.setTimer(Math.max(1, waitMs), id -> attempt(attempt + 1, result));
    }

    private static long retryAfterMs(HttpResponse<Buffer> response, JsonObject json) {
        Long fromBody = json.getLong("retry_after_ms");
        if (fromBody != null) {
            return fromBody;
        }
        String header = response.getHeader("Retry-After");
        try {
            return header == null ? 0 : Long.parseLong(header.trim()) * 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static JsonObject asObject(Buffer buffer) {
        if (buffer == null || buffer.length() == 0) {
            return new JsonObject();
        }
        try {
            return buffer.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject();
        }
    }

    private String path() {
        int start = url.indexOf("/_matrix");
        return start < 0 ? url : url.substring(start);
    }
}
