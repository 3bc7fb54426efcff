package dev.steward.commands.policy;

import dev.steward.commands.Caller;
import dev.steward.safety.audit.AuditEntry;
import io.vertx.core.Future;
import java.util.List;

/**
 * The audit log as {@code !audit} reads it; the bot decides where it may be shown (the admins' room, or a direct chat
 * with an admin) and filters it to the space there, failing with a
 * {@link dev.steward.commands.UserFacingException} that says where to ask instead.
 */
public interface AuditTrail {
    Future<List<AuditEntry>> latest(Caller caller, int count);
}
