package dev.steward.bot.gateway;

import dev.steward.commands.UserFacingException;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.content.ContentCheck;
import dev.steward.safety.content.ContentStrings;
import dev.steward.safety.content.FilterLevel;
import dev.steward.safety.content.GrowingAnswer;
import dev.steward.safety.content.Verdict;
import dev.steward.safety.pii.Finding;
import dev.steward.safety.pii.PiiScanner;
import dev.steward.safety.pii.Redacted;
import dev.steward.safety.pii.Redaction;
import dev.steward.safety.pii.ScanSummary;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.PolicyKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the safety policy does to a request before it leaves Steward, and to the answer before it is posted: the
 * content check (word lists, the meaning classifier, a moderation model where configured), then PII handling
 * (redact to placeholders, keep local, block, or allow). Answers are checked whole when they end and sentence by
 * sentence while they stream. Every decision that refuses or changes something is audited, with types, categories
 * and counts only. Blocking (audit log, embedding, moderation call): use a worker.
 */
public final class RequestGuard {
    /**
     * A request as it may leave: the question and its context (earlier messages, memories) to send, the redaction to
     * undo in the answer, and its privacy tier.
     */
    record Prepared(String text, List<String> context, Optional<Redacted> redaction, boolean sensitive,
            String redactions) {}

    // Joins the question and its context for one scan, so a value gets the same placeholder wherever it occurs.
    // Matrix text never needs NUL, and no detector matches across it.
    private static final String SEPARATOR = "\u0000";

    /** Where a self-harm match is reported, so that a person can reach out. */
    public interface AdminAlerts {
        void selfHarm(MatrixEvent event);
    }

    private final PiiScanner scanner;
    private final ContentCheck content;
    private final AuditLog audit;
    private final AdminAlerts alerts;
    private final ContentStrings strings;

    public RequestGuard(PiiScanner scanner, ContentCheck content, AuditLog audit, AdminAlerts alerts,
            ContentStrings strings) {
        this.scanner = scanner;
        this.content = content;
        this.audit = audit;
        this.alerts = alerts;
        this.strings = strings;
    }

    /** A piece of context as the sensitivity rule judged it: its text, and whether its personal data is replaced. */
    record ContextPiece(String text, boolean redactPersonalData) {}

    /**
     * The content filter looks at the question only: what others said earlier is context, not the member's request.
     * Personal data in the question is handled as the asker's policy says ({@code pii}); in each piece of context as
     * its author's policy says, which {@link dev.steward.safety.sensitivity.SensitivityRule} decided. One scan over
     * everything, so a value gets the same placeholder wherever it occurs.
     */
    Prepared prepare(MatrixEvent event, String question, List<ContextPiece> context, EffectivePolicy policy) {
        Verdict verdict = content.check(question, level(policy));
        if (verdict.blocked()) {
            record(event, "content_filter", "refused", "request: " + verdict.auditSummary());
            if (verdict.selfHarm()) {
                alerts.selfHarm(event);
            }
            throw new UserFacingException(strings.reply(verdict, false));
        }
        List<String> parts = new ArrayList<>();
        parts.add(question);
        context.forEach(piece -> parts.add(piece.text().replace(SEPARATOR, "")));
        String joined = String.join(SEPARATOR, parts);
        List<Finding> findings = scanner.scan(joined);
        List<Finding> inQuestion = findings.stream().filter(finding -> finding.start() < question.length()).toList();
        List<Finding> toRedact = new ArrayList<>(inContextToRedact(findings, parts, context));
        boolean sensitive = policy.get(PolicyKey.LOCAL_ONLY);
        String action = inQuestion.isEmpty() ? "none" : policy.get(PolicyKey.PII);
        switch (action) {
            case "block" -> {
                record(event, "pii", "refused", ScanSummary.of(inQuestion).toString());
                throw new UserFacingException(GatewayStrings.BLOCKED_PII.formatted(types(ScanSummary.of(inQuestion))));
            }
            case "redact" -> toRedact.addAll(inQuestion);
            case "local_only" -> {
                record(event, "pii", "kept local", ScanSummary.of(inQuestion).toString());
                sensitive = true;
            }
            default -> { }
        }
        if (toRedact.isEmpty()) {
            return new Prepared(question, parts.subList(1, parts.size()), Optional.empty(), sensitive,
                    findings.isEmpty() ? "none" : "allowed " + ScanSummary.of(findings));
        }
        Redacted redacted = Redaction.redact(joined, toRedact);
        record(event, "pii", "redacted", redacted.summary().toString());
        List<String> split = List.of(redacted.text().split(SEPARATOR, -1));
        return new Prepared(split.get(0), split.subList(1, split.size()), Optional.of(redacted), sensitive,
                redacted.summary().toString());
    }

    /** The findings that lie in a piece of context whose personal data must be replaced. */
    private static List<Finding> inContextToRedact(List<Finding> findings, List<String> parts,
            List<ContextPiece> context) {
        List<Finding> selected = new ArrayList<>();
        int start = parts.get(0).length() + SEPARATOR.length();
        for (int i = 0; i < context.size(); i++) {
            int end = start + parts.get(i + 1).length();
            if (context.get(i).redactPersonalData()) {
                int from = start;
                findings.stream().filter(finding -> finding.start() >= from && finding.end() <= end)
                        .forEach(selected::add);
            }
            start = end + SEPARATOR.length();
        }
        return selected;
    }

    /** The answer as the member sees it: originals restored, then the content filter on what the model said. */
    String finish(MatrixEvent event, String answer, Prepared prepared, EffectivePolicy policy) {
        String restored = prepared.redaction().map(redaction -> redaction.restore(answer)).orElse(answer);
        Verdict verdict = content.check(restored, level(policy));
        if (verdict.blocked()) {
            record(event, "content_filter", "answer withheld", "answer: " + verdict.auditSummary());
            return strings.reply(verdict, true);
        }
        return restored;
    }



    /**
     * One streaming answer as the member may see it meanwhile: each time it grows, originals restored, and nothing at
     * all once the content check would withhold it (the final answer is then replaced, and audited, by
     * {@link #finish}). One per answer: it remembers how far the classifier has read.
     */
    Function<String, Optional<String>> shownWhileStreaming(Prepared prepared, EffectivePolicy policy) {
        GrowingAnswer growing = content.growing(level(policy));
        return soFar -> growing.shown(prepared.redaction().map(redaction -> redaction.restore(soFar)).orElse(soFar));
    }

    private static FilterLevel level(EffectivePolicy policy) {
        return FilterLevel.valueOf(policy.get(PolicyKey.CONTENT_FILTER).toUpperCase(Locale.ROOT));
    }

    private void record(MatrixEvent event, String rule, String action, String detail) {
        audit.record(event.sender(), Optional.of(event.roomId()), rule, action, detail);
    }

    private static String types(ScanSummary summary) {
        return summary.types().stream().map(type -> type.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
