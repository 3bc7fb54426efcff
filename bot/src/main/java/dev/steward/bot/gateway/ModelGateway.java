package dev.steward.bot.gateway;

import dev.langchain4j.data.message.ChatMessage;
import dev.steward.bot.conversation.Conversation;
import dev.steward.bot.conversation.ConversationReader;
import dev.steward.bot.conversation.Turn;
import dev.steward.bot.rooms.RoomSettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One interface to many models: reads the conversation and the member's policy, recalls the room's memories, guards
 * what leaves and what comes back, routes, reserves the budget, tries the route's models in order, settles the
 * budget. Blocking steps (H2, the provider's HTTP call) run on worker threads.
 */
public final class ModelGateway implements ModelPort {
    private static final Logger log = LoggerFactory.getLogger(ModelGateway.class);
    // Memories get at most a quarter of the smallest context window, and never crowd out the conversation.
    private static final int MEMORY_TOKENS_MAX = 1500;

    /** Where the conversation around a question comes from. */
    public record Context(ConversationReader conversations, SystemPrompts prompts, MemoryRetrieval memory,
            RoomSettings rooms) {}

    /** The safety side: the member's policy, budgets, the guard on text, and the audit log. */
    public record Safety(MemberPolicies policies, Budgets budgets, RequestGuard guard, AuditLog audit) {}

    private final Vertx vertx;
    private final ModelRouter router;
    private final Context context;
    private final Safety safety;
    private final Attempts attempts;

    public ModelGateway(Vertx vertx, ModelRouter router, Context context, Safety safety, Attempts attempts) {
        this.vertx = vertx;
        this.router = router;
        this.context = context;
        this.safety = safety;
        this.attempts = attempts;
    }

    @Override
    public Future<String> ask(Question question, Consumer<String> progress) {
        if (!router.anyConfigured()) {
            return Future.failedFuture(new UserFacingException(GatewayStrings.NO_MODEL_CONFIGURED));
        }
        MatrixEvent event = question.event();
        Future<EffectivePolicy> policy = safety.policies().effective(event.roomId(), event.sender());
        Future<Conversation> conversation = context.conversations().read(event);
        Future<List<MemoryRetrieval.Recollection>> memories = recall(question);
        return Future.all(policy, conversation, memories).compose(all -> vertx.executeBlocking(
                () -> answer(question, policy.result(), conversation.result(), memories.result(), progress), false));
    }

    /** The whole request, on a worker thread. */
    private String answer(Question question, EffectivePolicy policy, Conversation conversation,
            List<MemoryRetrieval.Recollection> memories, Consumer<String> progress) {
        MatrixEvent event = question.event();
        RoomSettings.Setting room = context.rooms().of(event.roomId());
        Request request = Request.prepare(safety.guard(), event, question.text(), memories, conversation, policy);
        // A memory holding personal data was kept that way on its author's terms: it stays on local models.
        boolean sensitive = request.prepared().sensitive()
                || safety.guard().anyPersonalData(memories.stream().map(MemoryRetrieval.Recollection::text).toList());
        RoutePlan plan = router.route(new RouteRequest(policy, sensitive, room.isPrivate(),
                question.model(), room.defaultModel(), safety.budgets().nearLimit(event.sender(), Limits.of(policy))));
        if (plan instanceof RoutePlan.Refuse refuse) {
            safety.audit().record(event.sender(), Optional.of(event.roomId()), refuse.rule(), "refused",
                    "model request");
            throw new UserFacingException(refuse.message());
        }
        RoutePlan.Go go = (RoutePlan.Go) plan;
        String systemPrompt = context.prompts().forRequest(event.roomId(), conversation.roomName(), policy.role(),
                conversation.askerName());
        BudgetDecision.Reserved reserved = reserve(event, policy, go, request.messagesFor(systemPrompt,
                go.candidates().get(0)));
        String budgetNote = reserved.nearLimit().map(GatewayStrings::nearLimit).orElse("");
        Usage used = Usage.NONE;
        try {
            Attempts.Answered answered = attempts.run(event, go, model -> request.messagesFor(systemPrompt, model),
                    request.prepared(), shownWhileStreaming(event, request.prepared(), policy, progress));
            used = answered.usage();
            String answer = safety.guard().finish(event, answered.text(), request.prepared(), policy);
            return answer + budgetNote + GatewayStrings.footer(answered.model());
        } finally {
            safety.budgets().settle(reserved.reservationId(), used);
        }
    }

    /** The room's memories for the question; a failure gives an answer without them, not no answer. */
    private Future<List<MemoryRetrieval.Recollection>> recall(Question question) {
        int budget = Math.min(MEMORY_TOKENS_MAX, router.smallestContextWindow() / 4);
        return context.memory().recall(question.event().roomId(), question.event().sender(), question.text(), budget)
                .recover(e -> {
                    log.warn("recalling memories for {} failed; answering without them: {}",
                            question.event().eventId(), e.toString());
                    return Future.succeededFuture(List.of());
                });
    }

    /** Streamed text as the member may see it: placeholders restored, and nothing once the check would withhold it. */
    private Consumer<String> shownWhileStreaming(MatrixEvent event, RequestGuard.Prepared prepared,
            EffectivePolicy policy, Consumer<String> progress) {
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

    /** The question with its context, as it may leave Steward, split back into its parts after the guard. */
    private record Request(RequestGuard.Prepared prepared, List<MemoryRetrieval.Recollection> memories,
            List<Turn> earlier, List<Turn> recent, String askerName) {

        static Request prepare(RequestGuard guard, MatrixEvent event, String question,
                List<MemoryRetrieval.Recollection> memories, Conversation conversation, EffectivePolicy policy) {
            List<String> texts = new ArrayList<>();
            memories.forEach(memory -> texts.add(memory.text()));
            conversation.earlier().forEach(turn -> texts.add(turn.text()));
            conversation.recent().forEach(turn -> texts.add(turn.text()));
            RequestGuard.Prepared prepared = guard.prepare(event, question, texts, policy);
            List<String> safe = prepared.context();
            int at = 0;
            List<MemoryRetrieval.Recollection> safeMemories = new ArrayList<>();
            for (MemoryRetrieval.Recollection memory : memories) {
                safeMemories.add(new MemoryRetrieval.Recollection(safe.get(at++), memory.author(), memory.at(),
                        memory.link()));
            }
            List<Turn> earlier = new ArrayList<>();
            for (Turn turn : conversation.earlier()) {
                earlier.add(new Turn(turn.name(), turn.fromSteward(), safe.get(at++)));
            }
            List<Turn> recent = new ArrayList<>();
            for (Turn turn : conversation.recent()) {
                recent.add(new Turn(turn.name(), turn.fromSteward(), safe.get(at++)));
            }
            return new Request(prepared, safeMemories, earlier, recent, conversation.askerName());
        }

        List<ChatMessage> messagesFor(String systemPrompt, ModelEntry model) {
            return PromptBuilder.build(new PromptBuilder.Parts(systemPrompt, memories, recent, earlier, askerName,
                    prepared.text()), model.contextWindow() - model.maxAnswerTokens());
        }
    }

    /** About four characters a token: used for the reservation, and when a provider reports no usage. */
    static long estimateTokens(String text) {
        return text == null ? 0 : Math.max(1, text.length() / 4);
    }
}
