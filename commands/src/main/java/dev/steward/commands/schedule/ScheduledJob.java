package dev.steward.commands.schedule;

import io.vertx.core.Future;

/**
 * Something a feature wants done at a time (a prompt's expiry, an escalation). It may run again after a crash that
 * came between its effect and the schedule recording it done, so its effects must be idempotent (Steward's sends are,
 * by their transaction ids); a failure is tried again later.
 */
public interface ScheduledJob {
    String name();

    Future<Void> run(String subject);
}
