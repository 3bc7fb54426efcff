package dev.steward.bot.feature;

import dev.steward.commands.CommandSpec;
import dev.steward.commands.prompts.PromptKind;
import dev.steward.commands.schedule.ScheduledJob;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * One unit of what Steward does (memory, the model gateway, policies; next incidents, approvals): everything it adds
 * to the running bot, so that {@link dev.steward.bot.Steward} assembles features in a loop and the pipeline knows
 * none of them by name. Built by its own factory from the shared services; closed in reverse order at stop.
 */
public interface Feature extends AutoCloseable {
    /** For logs: "memory", "gateway". */
    String name();

    default List<CommandSpec> commands() {
        return List.of();
    }

    /** Messages Steward posts that wait for reactions, and what the reactions do. */
    default List<PromptKind> promptKinds() {
        return List.of();
    }

    /** Work due at a time, on the durable schedule. */
    default List<ScheduledJob> scheduledJobs() {
        return List.of();
    }

    /** What the feature does when things happen in rooms. */
    default RoomEvents roomEvents() {
        return RoomEvents.NONE;
    }

    /** HTTP routes on Steward's server (webhooks, a dashboard). */
    default void mount(Router router) {}

    /** Work done every hour, on a worker thread (retention, compaction). */
    default List<Runnable> hourly() {
        return List.of();
    }

    /** Called once the HTTP server listens and the pipeline runs (checks that only log, for example). */
    default void started() {}

    /** Releases what the feature opened; called at stop, after the pipeline is idle, before the database closes. */
    @Override
    default void close() {}
}
