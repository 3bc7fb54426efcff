package dev.steward.bot.gateway;

import dev.langchain4j.data.message.ChatMessage;
import dev.steward.bot.conversation.Turn;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.ask.ModelPort;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.budget.BudgetDecision;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.budget.Limits;
import dev.steward.safety.budget.Usage;
import dev.steward.safety.policy.EffectivePolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One interface to many models: plans the request (the conversation and the memories around the question, each piece
 * judged by its author, the route: {@link RequestPlanner}), guards what leaves and what comes back, reserves the
 * budget, tries the route's models in order, settles the budget. Blocking steps (H2, the provider's HTTP call) run
 * on worker threads.
 */
public final class ModelGateway implements ModelPort {
    /** The safety side: budgets, the guard on text, and the audit log. */
    public record Safety(Budgets budgets, RequestGuard guard, AuditLog audit) {}

    private final Vertx vertx;
    private final ModelRouter router;
    private final RequestPlanner planner;
    private final SystemPrompts prompts;
    private final Safety safety;
    private final Attempts attempts;

    ModelGateway(Vertx vertx, ModelRouter router, RequestPlanner planner, SystemPrompts prompts, Safety safety,
            Attempts attempts) {
        this.vertx = vertx;
        this.router = router;
        this.planner = planner;
        this.prompts = prompts;
        this.safety = safety;
        this.attempts = attempts;
    }

    @Override
    public Future<String> ask(Question question, Consumer<String> progress) {
        if (!router.anyConfigured()) {
            return Future.failedFuture(new UserFacingException(GatewayStrings.NO_MODEL_CONFIGURED));
        }
        return planner.gather(question.event(), question.text()).compose(gathered -> vertx.executeBlocking(
                () -> answer(question, planner.plan(question.event(), question.caller(), question.text(),
                        question.model(), gathered), progress), false));
    }

    /** The whole request, on a worker thread. */
    private String answer(Question question, RequestPlanner.Plan plan, Consumer<String> progress) {
        MatrixEvent event = question.event();
        EffectivePolicy policy = question.caller().policy();
        Request request = Request.prepare(safety.guard(), event, question.text(), plan, policy);
        if (plan.route() instanceof RoutePlan.Refuse refuse) {
            safety.audit().record(event.sender(), Optional.of(event.roomId()), refuse.rule(), "refused",
                    "model request");
            throw new UserFacingException(refuse.message());
        }
        RoutePlan.Go go = (RoutePlan.Go) plan.route();
        question.routed().accept(plan.reach());
        String systemPrompt = prompts.forRequest(event.roomId(), plan.conversation().roomName(), policy.role(),
                plan.conversation().askerName());
        BudgetDecision.Reserved reserved = reserve(event, policy, go, request.messagesFor(systemPrompt,
                go.candidates().get(0)));
        String budgetNote = reserved.nearLimit().map(GatewayStrings::nearLimit).orElse("");
        Usage used = Usage.NONE;
        try {
            Attempts.Answered answered = attempts.run(event, go, model -> request.messagesFor(systemPrompt, model),
                    request.prepared(), shownWhileStreaming(request.prepared(), policy, progress));
            used = answered.usage();
            String answer = safety.guard().finish(event, answered.text(), request.prepared(), policy);
            return answer + budgetNote + GatewayStrings.footer(answered.model());
        } finally {
            safety.budgets().settle(reserved.reservationId(), used);
        }
    }

    /** Streamed text as the member may see it: placeholders restored, and nothing once the check would withhold it. */
    private Consumer<String> shownWhileStreaming(RequestGuard.Prepared prepared, EffectivePolicy policy,
            Consumer<String> progress) {
        var shown = safety.guard().shownWhileStreaming(prepared, policy);
        return soFar -> shown.apply(soFar).ifPresent(progress);
    }

    private BudgetDecision.Reserved reserve(MatrixEvent event, EffectivePolicy policy, RoutePlan.Go go,
            List<ChatMessage> messages) {
        long tokensIn = Attempts.estimateTokens(messages);
        ModelEntry dearest = go.candidates().stream()
                .max((a, b) -> a.cost(tokensIn, a.maxAnswerTokens()).compareTo(b.cost(tokensIn, b.maxAnswerTokens())))
                .orElseThrow();
        Usage estimate = new Usage(tokensIn + dearest.maxAnswerTokens(),
                dearest.cost(tokensIn, dearest.maxAnswerTokens()));
        BudgetDecision decision = safety.budgets().reserve(event.sender(), Limits.of(policy), estimate);
        if (decision instanceof BudgetDecision.OverBudget over) {
            safety.audit().record(event.sender(), Optional.of(event.roomId()), "budget", "refused",
                    over.period() + " budget");
            throw new UserFacingException(GatewayStrings.overBudget(over));
        }
        return (BudgetDecision.Reserved) decision;
    }

    /** The question with the context the plan lets go, as it may leave Steward, split back into its parts. */
    private record Request(RequestGuard.Prepared prepared, List<MemoryRetrieval.Recollection> memories,
            List<Turn> earlier, List<Turn> recent, String askerName) {

        static Request prepare(RequestGuard guard, MatrixEvent event, String question, RequestPlanner.Plan plan,
                EffectivePolicy policy) {
            List<RequestGuard.ContextPiece> pieces = new ArrayList<>();
            int at = 0;
            for (MemoryRetrieval.Recollection memory : plan.memories()) {
                pieces.add(new RequestGuard.ContextPiece(memory.text(), plan.redact().get(at++)));
            }
            for (Turn turn : concat(plan.earlier(), plan.recent())) {
                pieces.add(new RequestGuard.ContextPiece(turn.text(), plan.redact().get(at++)));
            }
            RequestGuard.Prepared prepared = guard.prepare(event, question, pieces, policy);
            List<String> safe = prepared.context();
            int next = 0;
            List<MemoryRetrieval.Recollection> memories = new ArrayList<>();
            for (MemoryRetrieval.Recollection memory : plan.memories()) {
                memories.add(memory.withText(safe.get(next++)));
            }
            List<Turn> earlier = new ArrayList<>();
            for (Turn turn : plan.earlier()) {
                earlier.add(turn.withText(safe.get(next++)));
            }
            List<Turn> recent = new ArrayList<>();
            for (Turn turn : plan.recent()) {
                recent.add(turn.withText(safe.get(next++)));
            }
            return new Request(prepared, memories, earlier, recent, plan.conversation().askerName());
        }

        List<ChatMessage> messagesFor(String systemPrompt, ModelEntry model) {
            return PromptBuilder.build(new PromptBuilder.Parts(systemPrompt, memories, recent, earlier, askerName,
                    prepared.text()), model.contextWindow() - model.maxAnswerTokens());
        }

        private static List<Turn> concat(List<Turn> first, List<Turn> second) {
            List<Turn> all = new ArrayList<>(first);
            all.addAll(second);
            return all;
        }
    }

    /** About four characters a token: used for the reservation, and when a provider reports no usage. */
    static long estimateTokens(String text) {
        return text == null ? 0 : Math.max(1, text.length() / 4);
    }
}
