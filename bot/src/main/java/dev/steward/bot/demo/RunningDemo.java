package dev.steward.bot.demo;

import dev.steward.bot.RunningSteward;
import dev.steward.homeserver.synapse.LocalSynapse;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** A started demo: Steward, its Synapse and what was seeded. Closing stops Steward, then Synapse, and says so. */
public record RunningDemo(RunningSteward steward, LocalSynapse synapse, DemoSpace space, String appserviceId,
        PrintStream out) implements AutoCloseable {

    @Override
    public void close() {
        out.println("Stopping Steward and Synapse...");
        out.flush();
        try {
            steward.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            out.println("stopping Steward: " + e);
        }
        try {
            synapse.stop();
        } catch (IOException e) {
            out.println("stopping Synapse: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Stopped: Steward and Synapse are no longer running (the data folder is kept).");
        out.flush();
    }
}
