package dev.steward.bot.gateway;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.ask.ModelPort;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.budget.BudgetDecision;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.budget.Limits;
import dev.steward.safety.budget.Usage;
import dev.steward.safety.policy.EffectivePolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One interface to many models: routes a question by the member's policy, guards what leaves and what comes back,
 * reserves the budget, tries the route's models in order (skipping providers whose circuit is open), settles the
 * budget, and writes one ledger row per attempt. Blocking provider calls run on worker threads.
 */
public final class ModelGateway implements ModelPort {
    private static final Logger log = LoggerFactory.getLogger(ModelGateway.class);
    private static final String SYSTEM_PROMPT = """
            You are Steward, an assistant in a private Matrix room of a family or a team. Answer briefly and kindly.
            Placeholders such as [EMAIL_1] stand for personal data the member wrote; keep them as they are.""";

    private final Vertx vertx;
    private final Clock clock;
    private final ModelRouter router;
    private final Map<String, ChatModel> models;
    private final CircuitBreaker breaker;
    private final MemberPolicies policies;
    private final Budgets budgets;
    private final Ledger ledger;
    private final RequestGuard guard;
    private final AuditLog audit;

    public ModelGateway(Vertx vertx, Clock clock, ModelRouter router, Map<String, ChatModel> models,
            CircuitBreaker breaker, MemberPolicies policies, Budgets budgets, Ledger ledger, RequestGuard guard,
            AuditLog audit) {
        this.vertx = vertx;
        this.clock = clock;
        this.router = router;
        this.models = models;
        this.breaker = breaker;
        this.policies = policies;
        this.budgets = budgets;
        this.ledger = ledger;
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    public Future<String> ask(Question question) {
        if (!router.anyConfigured()) {
            return Future.failedFuture(new UserFacingException(GatewayStrings.NO_MODEL_CONFIGURED));
        }
        MatrixEvent event = question.event();
        return policies.effective(event.roomId(), event.sender())
                .compose(policy -> vertx.executeBlocking(() -> answer(question, policy), false));
    }

    /** The whole request, on a worker thread: every step blocks (H2, the provider's HTTP call). */
    private String answer(Question question, EffectivePolicy policy) {
        MatrixEvent event = question.event();
        RequestGuard.Prepared prepared = guard.prepare(event, question.text(), policy);
        RoutePlan plan = router.route(policy, prepared.sensitive(), question.model());
        if (plan instanceof RoutePlan.Refuse refuse) {
            audit.record(event.sender(), Optional.of(event.roomId()), refuse.rule(), "refused", "model request");
            throw new UserFacingException(refuse.message());
        }
        RoutePlan.Go go = (RoutePlan.Go) plan;
        BudgetDecision.Reserved reserved = reserve(event, policy, go, prepared.text());
        long reservation = reserved.reservationId();
        String budgetNote = reserved.nearLimit().map(GatewayStrings::nearLimit).orElse("");
        Usage used = Usage.NONE;
        try {
            int tried = 0;
            for (ModelEntry model : go.candidates()) {
                if (!breaker.allows(model.endpoint())) {
                    tried++;
                    continue;
                }
                Optional<Attempt> attempt = call(event, model, prepared, go.reason(), tried);
                tried++;
                if (attempt.isPresent()) {
                    used = attempt.get().usage();
                    String answer = guard.finish(event, attempt.get().text(), prepared, policy);
                    return answer + budgetNote + GatewayStrings.footer(model);
                }
            }
            throw new UserFacingException(GatewayStrings.ALL_FAILED);
        } finally {
            budgets.settle(reservation, used);
        }
    }

    private BudgetDecision.Reserved reserve(MatrixEvent event, EffectivePolicy policy, RoutePlan.Go go, String text) {
        long tokensIn = estimateTokens(SYSTEM_PROMPT) + estimateTokens(text);
        ModelEntry dearest = go.candidates().stream()
                .max((a, b) -> a.cost(tokensIn, a.maxAnswerTokens()).compareTo(b.cost(tokensIn, b.maxAnswerTokens())))
                .orElseThrow();
        Usage estimate = new Usage(tokensIn + dearest.maxAnswerTokens(),
                dearest.cost(tokensIn, dearest.maxAnswerTokens()));
        BudgetDecision decision = budgets.reserve(event.sender(), Limits.of(policy), estimate);
        if (decision instanceof BudgetDecision.OverBudget over) {
            audit.record(event.sender(), Optional.of(event.roomId()), "budget", "refused", over.period() + " budget");
            throw new UserFacingException(GatewayStrings.overBudget(over));
        }
        return (BudgetDecision.Reserved) decision;
    }

    private record Attempt(String text, Usage usage) {}

    private Optional<Attempt> call(MatrixEvent event, ModelEntry model, RequestGuard.Prepared prepared, String reason,
            int fallbacksTried) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        try {
            ChatResponse response = models.get(model.name())
                    .chat(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(prepared.text()));
            breaker.succeeded(model.endpoint());
            String text = response.aiMessage().text();
            TokenUsage usage = response.tokenUsage();
            boolean estimated = usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null;
            long in = estimated ? estimateTokens(SYSTEM_PROMPT) + estimateTokens(prepared.text()) : usage.inputTokenCount();
            long out = estimated ? estimateTokens(text) : usage.outputTokenCount();
            BigDecimal cost = model.cost(in, out);
            ledger.record(new Ledger.Entry(started, event.sender().value(), event.roomId().value(),
                    event.eventId().value(), model.name(), model.provider().configName(), in, out, estimated, cost,
                    millisSince(startNanos), reason, fallbacksTried, prepared.redactions(), "ok"));
            return Optional.of(new Attempt(text, new Usage(in + out, cost)));
        } catch (RuntimeException e) {
            breaker.failed(model.endpoint());
            log.warn("model {} failed for {} in {}: {}", model.name(), event.eventId(), event.roomId(),
                    e.getClass().getSimpleName());
            ledger.record(new Ledger.Entry(started, event.sender().value(), event.roomId().value(),
                    event.eventId().value(), model.name(), model.provider().configName(), 0, 0, true, BigDecimal.ZERO,
                    millisSince(startNanos), reason, fallbacksTried, prepared.redactions(),
                    "error: " + e.getClass().getSimpleName()));
            return Optional.empty();
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** About four characters a token: used for the reservation, and when a provider reports no usage. */
    static long estimateTokens(String text) {
        return text == null ? 0 : Math.max(1, text.length() / 4);
    }
}
