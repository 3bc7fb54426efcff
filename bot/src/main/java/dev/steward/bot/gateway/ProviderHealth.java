package dev.steward.bot.gateway;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest check of the configured providers. A result younger than {@code reuseFor} is handed out again, and
 * callers arriving while a check runs share it, so a room sending {@code !status} again and again does not turn
 * into a stream of requests to the providers.
 */
public final class ProviderHealth {
    private static final Logger log = LoggerFactory.getLogger(ProviderHealth.class);

    private final ProviderCheck check;
    private final List<ModelEntry> models;
    private final Clock clock;
    private final Duration reuseFor;
    private Checked latest;

    private record Checked(Instant at, Future<List<ModelReachability>> results) {}

    public ProviderHealth(ProviderCheck check, List<ModelEntry> models, Clock clock, Duration reuseFor) {
        this.check = check;
        this.models = List.copyOf(models);
        this.clock = clock;
        this.reuseFor = reuseFor;
    }

    /** Checks now and logs one line per provider endpoint; for start-up, where nothing waits for the answer. */
    public Future<List<ModelReachability>> checkAndLog() {
        return refresh().onSuccess(ProviderHealth::log);
    }

    /** The latest results, checked again when they are older than {@code reuseFor}. Never fails. */
    public synchronized Future<List<ModelReachability>> latest() {
        if (latest == null || !clock.instant().isBefore(latest.at().plus(reuseFor))) {
            return refresh();
        }
        return latest.results();
    }

    private synchronized Future<List<ModelReachability>> refresh() {
        latest = new Checked(clock.instant(), check.check(models));
        return latest.results();
    }

    private static void log(List<ModelReachability> results) {
        Map<String, List<ModelReachability>> byUrl = new LinkedHashMap<>();
        results.forEach(result -> byUrl.computeIfAbsent(result.url(), url -> new ArrayList<>()).add(result));
        byUrl.forEach((url, served) -> {
            ModelReachability first = served.getFirst();
            String names = served.stream().map(ModelReachability::model).collect(Collectors.joining(", "));
            String problems = served.stream().flatMap(result -> result.problem().stream()).distinct()
                    .collect(Collectors.joining("; "));
            if (!first.reachable()) {
                log.warn("model list {} NOT reachable ({}), for {}", url, problems, names);
            } else if (problems.isEmpty()) {
                log.info("model list {} reachable ({} ms), for {}", url, first.roundTripMs(), names);
            } else {
                log.warn("model list {} reachable ({} ms), for {}, but {}", url, first.roundTripMs(), names, problems);
            }
        });
    }
}
