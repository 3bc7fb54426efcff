package dev.steward.bot.gateway;

import dev.steward.bot.gateway.ModelReachability.Outcome;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Asks each configured provider for its model list, which costs no tokens: one request per distinct list (several
 * models on one server with one key share it), all at once, each with a short timeout. Non-blocking.
 */
public final class ProviderCheck {
    /** A check answers {@code !status}, so it never waits longer than this, whatever a chat may take. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final WebClient web;

    public ProviderCheck(WebClient web) {
        this.web = web;
    }

    /** One result per model, in the order given; never fails: a provider that does not answer is a result too. */
    public Future<List<ModelReachability>> check(List<ModelEntry> models) {
        Map<ModelListing, List<ModelEntry>> byListing = new LinkedHashMap<>();
        models.forEach(model -> byListing.computeIfAbsent(ModelListing.of(model), key -> new ArrayList<>()).add(model));
        List<Future<List<ModelReachability>>> checks = byListing.entrySet().stream()
                .map(entry -> check(entry.getKey(), entry.getValue()))
                .toList();
        // Each check recovers its own failure, so join only waits for all of them.
        return Future.join(checks).map(all -> {
            Map<String, ModelReachability> byModel = new HashMap<>();
            checks.forEach(check -> check.result().forEach(result -> byModel.put(result.model(), result)));
            return models.stream().map(model -> byModel.get(model.name())).toList();
        });
    }

    private Future<List<ModelReachability>> check(ModelListing listing, List<ModelEntry> models) {
        Duration timeout = models.stream().map(ModelEntry::timeout).min(Comparator.naturalOrder())
                .filter(shortest -> shortest.compareTo(LONGEST_WAIT) < 0).orElse(LONGEST_WAIT);
        long started = System.nanoTime();
        return send(listing, timeout).transform(done -> {
            long roundTripMs = (System.nanoTime() - started) / 1_000_000;
            return Future.succeededFuture(models.stream()
                    .map(model -> new ModelReachability(model.name(), model.local(), model.modelId(), listing.url(),
                            roundTripMs, outcome(listing, model, done, timeout)))
                    .toList());
        });
    }

    private Future<HttpResponse<Buffer>> send(ModelListing listing, Duration timeout) {
        try {
            HttpRequest<Buffer> request = web.getAbs(listing.url()).timeout(timeout.toMillis());
            listing.headers().forEach(request::putHeader);
            return request.send();
        } catch (RuntimeException e) {
            // A base_url the client cannot even parse; config validation should have caught it.
            return Future.failedFuture(e);
        }
    }

    private static Outcome outcome(ModelListing listing, ModelEntry model, AsyncResult<HttpResponse<Buffer>> done,
            Duration timeout) {
        if (done.failed()) {
            return new Outcome.Unreachable(reason(done.cause(), timeout));
        }
        int status = done.result().statusCode();
        if (status == 401 || status == 403) {
            return new Outcome.KeyRefused(status, model.apiKey().isPresent());
        }
        if (status < 200 || status >= 300) {
            return new Outcome.Failed(status);
        }
        Optional<Set<String>> ids = listing.ids(done.result().body());
        return new Outcome.Listed(ids.map(listed -> listing.names(listed, model.modelId())));
    }

    /** Why there was no answer, for people; exception messages name the host at most, never the key. */
    static String reason(Throwable failure, Duration timeout) {
        return switch (failure) {
            case TimeoutException e -> GatewayStrings.noAnswerWithin(timeout);
            case UnknownHostException e -> GatewayStrings.unknownHost(e.getMessage());
            case ConnectException e when String.valueOf(e.getMessage()).startsWith("Connection refused") ->
                    GatewayStrings.CONNECTION_REFUSED;
            default -> failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        };
    }
}
