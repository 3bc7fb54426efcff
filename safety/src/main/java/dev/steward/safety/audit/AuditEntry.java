package dev.steward.safety.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One decision in the audit log: who, when, in which room, which rule, what was done. {@code detail} never holds a
 * sensitive value (PII types and counts, a setting's key and its new value).
 */
public record AuditEntry(long id, Instant at, String actor, Optional<String> room, String rule, String action,
        String detail) {}
