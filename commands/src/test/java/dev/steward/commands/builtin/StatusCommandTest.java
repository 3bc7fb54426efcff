package dev.steward.commands.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.steward.commands.CommandRegistry;
import dev.steward.commands.CommandStrings;
import dev.steward.commands.Family;
import dev.steward.commands.Outcome;
import dev.steward.commands.RecordingReplies;
import dev.steward.commands.TestMessages;
import dev.steward.commands.builtin.StatusCommand.ProviderState;
import dev.steward.commands.builtin.StatusCommand.Status;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code !status}: version, uptime, homeserver and model reachability and the inbox, as a person reads them. */
class StatusCommandTest {
    private static final ProviderState LOCAL_SMALL = new ProviderState("local-small", true, true, 12,
            Optional.empty());

    private static Status status(Duration uptime, Optional<Duration> ping, Optional<String> problem, long inbox) {
        return new Status("0.1.0", uptime, ping, problem, List.of(LOCAL_SMALL), inbox);
    }

    private static Status withModels(ProviderState... models) {
        return new Status("0.1.0", Duration.ZERO, Optional.of(Duration.ofMillis(1)), Optional.empty(),
                List.of(models), 0);
    }

    @Test
    void aHealthyBot() {
        Status healthy = status(Duration.ofSeconds(3_723), Optional.of(Duration.ofMillis(42)), Optional.empty(), 0);

        assertThat(StatusCommand.render(healthy)).isEqualTo("""
                Steward 0.1.0
                Uptime: 1h 2m
                Homeserver: reachable (appservice ping 42 ms)
                Models: local-small 🔒 reachable (12 ms)
                Inbox: 0 events waiting""");
    }

    static List<Arguments> oneModel() {
        return List.of(
                argumentSet("a reachable cloud model has no lock",
                        new ProviderState("cloud-big", false, true, 85, Optional.empty()),
                        "Models: cloud-big reachable (85 ms)"),
                argumentSet("an unreachable model shows why",
                        new ProviderState("cloud-big", false, false, 3, Optional.of("connection refused")),
                        "Models: cloud-big NOT reachable: connection refused"),
                argumentSet("an unreachable model without a diagnosis says no answer",
                        new ProviderState("local-small", true, false, 5_000, Optional.empty()),
                        "Models: local-small 🔒 NOT reachable: no answer"),
                argumentSet("a refused key is reachable, but said so",
                        new ProviderState("cloud-big", false, true, 40,
                                Optional.of("the API key is refused (HTTP 401)")),
                        "Models: cloud-big reachable (40 ms), but the API key is refused (HTTP 401)"));
    }

    @ParameterizedTest
    @MethodSource("oneModel")
    void oneModelStaysOnTheModelsLine(ProviderState model, String line) {
        assertThat(StatusCommand.render(withModels(model))).contains("\n" + line + "\n");
    }

    @Test
    void severalModelsGetALineEachInConfigurationOrder() {
        Status status = withModels(LOCAL_SMALL,
                new ProviderState("cloud-big", false, false, 2, Optional.of("connection refused")));

        assertThat(StatusCommand.render(status)).contains("""

                Models:
                - local-small 🔒 reachable (12 ms)
                - cloud-big NOT reachable: connection refused
                Inbox:""");
    }

    @Test
    void withoutModelsTheLineSaysWhereToConfigureThem() {
        assertThat(StatusCommand.render(withModels()))
                .contains("\nModels: none configured (see models: in the config)\n");
    }

    @Test
    void anUnreachableHomeserverShowsTheProblem() {
        Status down = status(Duration.ofSeconds(5), Optional.empty(), Optional.of("connection refused"), 3);

        assertThat(StatusCommand.render(down))
                .contains("\nHomeserver: NOT reachable: connection refused\n")
                .doesNotContain("Homeserver: reachable");
    }

    @Test
    void anUnreachableHomeserverWithoutADiagnosisSaysNoAnswer() {
        Status silent = status(Duration.ofSeconds(5), Optional.empty(), Optional.empty(), 0);

        assertThat(StatusCommand.render(silent)).contains("\nHomeserver: NOT reachable: no answer\n");
    }

    static List<Arguments> inboxDepths() {
        return List.of(
                argumentSet("empty", 0L, "Inbox: 0 events waiting"),
                argumentSet("one event is singular", 1L, "Inbox: 1 event waiting"),
                argumentSet("several events", 2L, "Inbox: 2 events waiting"),
                argumentSet("a backlog", 12_345L, "Inbox: 12345 events waiting"));
    }

    @ParameterizedTest
    @MethodSource("inboxDepths")
    void inboxDepth(long depth, String line) {
        Status status = status(Duration.ZERO, Optional.of(Duration.ofMillis(1)), Optional.empty(), depth);

        assertThat(StatusCommand.render(status)).endsWith("\n" + line);
    }

    static List<Arguments> uptimes() {
        return List.of(
                argumentSet("just started", Duration.ZERO, "0s"),
                argumentSet("seconds", Duration.ofSeconds(59), "59s"),
                argumentSet("a minute", Duration.ofSeconds(60), "1m 0s"),
                argumentSet("minutes and seconds", Duration.ofSeconds(61), "1m 1s"),
                argumentSet("an hour drops the seconds", Duration.ofSeconds(3_601), "1h 0m"),
                argumentSet("hours and minutes", Duration.ofMinutes(23 * 60 + 59), "23h 59m"),
                argumentSet("days, hours and minutes", Duration.parse("P1DT2H3M4S"), "1d 2h 3m"),
                argumentSet("many days", Duration.ofDays(400), "400d 0h 0m"));
    }

    @ParameterizedTest
    @MethodSource("uptimes")
    void uptimeIsShownInTheTwoLargestUnits(Duration uptime, String shown) {
        assertThat(StatusCommand.uptime(uptime)).isEqualTo(shown);
        Status status = status(uptime, Optional.of(Duration.ofMillis(1)), Optional.empty(), 0);
        assertThat(StatusCommand.render(status)).contains("\nUptime: " + shown + "\n");
    }

    @Test
    void theCommandAnswersWithTheRenderedStatus() {
        Status healthy = status(Duration.ofMinutes(5), Optional.of(Duration.ofMillis(7)), Optional.empty(), 1);
        RecordingReplies replies = new RecordingReplies();
        CommandRegistry registry = Family.registry()
                .register(StatusCommand.spec(() -> Future.succeededFuture(healthy)));

        Outcome outcome = registry.dispatch(TestMessages.command("!status"), Family.sender(), replies).result();

        assertThat(outcome).isEqualTo(Outcome.OK);
        assertThat(replies.onlyText()).isEqualTo(StatusCommand.render(healthy)).contains("Uptime: 5m 0s");
    }

    @Test
    void whenTheStatusCannotBeGatheredTheAnswerIsTheGenericFailure() {
        RecordingReplies replies = new RecordingReplies();
        CommandRegistry registry = Family.registry()
                .register(StatusCommand.spec(() -> Future.failedFuture(new IllegalStateException("inbox closed"))));

        Outcome outcome = registry.dispatch(TestMessages.command("!status"), Family.sender(), replies).result();

        assertThat(outcome).isEqualTo(Outcome.FAILED);
        assertThat(replies.onlyText()).isEqualTo(CommandStrings.FAILED);
    }
}
