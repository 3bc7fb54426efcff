package dev.steward.bot.gateway;

import static dev.steward.bot.gateway.ModelEntry.Provider.OPENAI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.bot.it.standin.ModelStandIn;
import dev.steward.homeserver.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.steward.homeserver.testing.SettableClock;
import org.junit.jupiter.api.Test;

/** {@code !status} sent again and again reuses a recent check instead of asking the providers each time. */
class ProviderHealthTest {
    private Vertx vertx;
    private ModelStandIn server;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private ProviderHealth health;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = ModelStandIn.start("llama");
        health = new ProviderHealth(new ProviderCheck(WebClient.create(vertx)),
                List.of(Models.local("local-small", OPENAI, "llama", server.baseUrl())), clock,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.close();
        Await.result(vertx.close());
    }

    @Test
    void theStartCheckAnswersTheFirstStatus() {
        Await.result(health.checkAndLog());

        List<ModelReachability> results = Await.result(health.latest());

        assertThat(results).extracting(ModelReachability::model, ModelReachability::reachable)
                .containsExactly(tuple("local-small", true));
        assertThat(server.listingCount()).isEqualTo(1);
    }

    @Test
    void aCheckIsReusedFor30SecondsThenMadeAgain() {
        Await.result(health.latest());
        clock.advance(Duration.ofSeconds(29));
        Await.result(health.latest());
        assertThat(server.listingCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        server.requireKey("sk-new");
        List<ModelReachability> later = Await.result(health.latest());

        assertThat(server.listingCount()).isEqualTo(2);
        assertThat(later.getFirst().problem()).as("the new check sees what changed")
                .hasValue("it wants an API key (HTTP 401; set api_key_env)");
    }

    @Test
    void callersArrivingDuringACheckShareIt() {
        Future<List<ModelReachability>> first = health.latest();
        Future<List<ModelReachability>> second = health.latest();

        assertThat(Await.result(second)).isEqualTo(Await.result(first));
        assertThat(server.listingCount()).isEqualTo(1);
    }
}
