package dev.steward.bot.safety;

import dev.steward.commands.Caller;
import dev.steward.commands.RefusalLog;
import dev.steward.safety.audit.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/** Refusals of commands and reactions, written to the audit log on a worker thread. */
public final class AuditedRefusals implements RefusalLog {
    private final Vertx vertx;
    private final AuditLog audit;

    public AuditedRefusals(Vertx vertx, AuditLog audit) {
        this.vertx = vertx;
        this.audit = audit;
    }

    @Override
    public Future<Void> refused(Caller caller, String rule, String what) {
        return vertx.executeBlocking(() -> {
            audit.record(caller.member(), Optional.of(caller.room()), rule, "refused", what);
            return null;
        }, false);
    }
}
