package dev.steward.bot.doctor;

import dev.steward.bot.gateway.ModelReachability;
import dev.steward.bot.gateway.ProviderCheck;
import dev.steward.bot.config.StewardConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Every configured model's provider, asked for its model list as {@code !status} asks it. */
final class ProviderChecks {
    private ProviderChecks() {}

    static List<Finding> run(StewardConfig config) throws Exception {
        if (config.models().entries().isEmpty()) {
            return List.of(Finding.warn("models", "none configured: !ask explains that it cannot answer",
                    "add a model under models: in the config (docs/configuration.md#models-and-routing)"));
        }
        Vertx vertx = Vertx.vertx();
        try {
            WebClient web = WebClient.create(vertx);
            List<ModelReachability> results = new ProviderCheck(web).check(config.models().entries())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return results.stream().map(ProviderChecks::finding).toList();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Finding finding(ModelReachability result) {
        String subject = "model " + result.model();
        String where = result.url() + (result.local() ? " (local)" : "");
        return result.problem()
                .map(problem -> result.reachable()
                        ? Finding.warn(subject, where + ": " + problem, "check model_id and the key of " + result.model())
                        : Finding.fail(subject, where + ": " + problem, "start the model server, or correct base_url"
                                + " of " + result.model() + " (as Steward reaches it); requests fall back to the"
                                + " next model meanwhile"))
                .orElseGet(() -> Finding.ok(subject, where + " lists " + result.modelId() + " ("
                        + result.roundTripMs() + " ms)"));
    }
}
