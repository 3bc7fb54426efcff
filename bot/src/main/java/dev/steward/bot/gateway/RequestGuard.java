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

    /**
     * The content filter looks at the question only: what others said earlier is context, not the member's request.
     * Personal data is looked for everywhere; in context it is redacted even under {@code block}, since the member
     * cannot take others' words out of their question.
     */
    Prepared prepare(MatrixEvent event, String question, List<String> context, EffectivePolicy policy) {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(question);
        context.forEach(part -> parts.add(part.replace(SEPARATOR, "")));
        Prepared whole = prepare(event, question, String.join(SEPARATOR, parts), policy);
        List<String> split = List.of(whole.text().split(SEPARATOR, -1));
        return new Prepared(split.get(0), split.subList(1, split.size()), whole.redaction(), whole.sensitive(),
                whole.redactions());
    }

    private Prepared prepare(MatrixEvent event, String question, String text, EffectivePolicy policy) {
        Verdict verdict = content.check(question, level(policy));
        if (verdict.blocked()) {
            record(event, "content_filter", "refused", "request: " + verdict.auditSummary());
            if (verdict.selfHarm()) {
                alerts.selfHarm(event);
            }
            throw new UserFacingException(strings.reply(verdict, false));
        }
        List<Finding> findings = scanner.scan(text);
        ScanSummary summary = ScanSummary.of(findings);
        boolean sensitive = policy.get(PolicyKey.LOCAL_ONLY);
        if (findings.isEmpty()) {
            return new Prepared(text, List.of(), Optional.empty(), sensitive, "none");
        }
        String action = policy.get(PolicyKey.PII);
        if (action.equals("block") && findings.stream().allMatch(finding -> finding.start() >= question.length())) {
            action = "redact";
        }
        return switch (action) {
            case "block" -> {
                record(event, "pii", "refused", summary.toString());
                throw new UserFacingException(GatewayStrings.BLOCKED_PII.formatted(types(summary)));
            }
            case "redact" -> {
                Redacted redacted = Redaction.redact(text, findings);
                record(event, "pii", "redacted", summary.toString());
                yield new Prepared(redacted.text(), List.of(), Optional.of(redacted), sensitive, summary.toString());
            }
            case "local_only" -> {
                record(event, "pii", "kept local", summary.toString());
                yield new Prepared(text, List.of(), Optional.empty(), true, summary.toString());
            }
            default -> new Prepared(text, List.of(), Optional.empty(), sensitive, "allowed " + summary);
        };
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

    /** Whether any of these texts holds personal data (memories that do only ever go to local models). */
    boolean anyPersonalData(List<String> texts) {
        return texts.stream().anyMatch(text -> !scanner.scan(text).isEmpty());
    }

    /** Whether a text would have to stay on local models under this policy; nothing is recorded (a preview). */
    boolean wouldStayLocal(String text, EffectivePolicy policy) {
        return policy.get(PolicyKey.LOCAL_ONLY)
                || (policy.get(PolicyKey.PII).equals("local_only") && !scanner.scan(text).isEmpty());
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
