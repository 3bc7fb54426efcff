package dev.steward.bot.demo;

import dev.steward.bot.RunningSteward;
import dev.steward.homeserver.synapse.LocalSynapse;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** A started demo: Steward, its Synapse and what was seeded. Closing stops Steward, then Synapse. */
public record RunningDemo(RunningSteward steward, LocalSynapse synapse, DemoSpace space, String appserviceId,
        PrintStream err) implements AutoCloseable {

    public String user() {
        return space.localpart();
    }

    public String password() {
        return space.password();
    }

    public String room() {
        return space.room().value();
    }

    @Override
    public void close() {
        try {
            steward.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("stopping Steward: " + e);
        }
        try {
            synapse.stop();
        } catch (IOException e) {
            err.println("stopping Synapse: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
