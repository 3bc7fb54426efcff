package dev.steward.bot.gateway;

import dev.steward.bot.conversation.Conversation;
import dev.steward.bot.conversation.ConversationReader;
import dev.steward.bot.conversation.Turn;
import dev.steward.bot.rooms.RoomSettings;
import dev.steward.commands.Caller;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.budget.Limits;
import dev.steward.safety.pii.PiiScanner;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.Policies;
import dev.steward.safety.sensitivity.Origin;
import dev.steward.safety.sensitivity.Reach;
import dev.steward.safety.sensitivity.SensitivityRule;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a request will carry and where it will go, for an answer and for {@code !models} alike: the conversation and
 * the memories around the question, each piece judged by {@link SensitivityRule} (its author's policy, the room's
 * privacy when it was written, the personal data in it), the request's reach from the most sensitive piece it
 * carries (or the pieces left out that cannot go where it goes), and the route.
 */
final class RequestPlanner {
    private static final Logger log = LoggerFactory.getLogger(RequestPlanner.class);
    // Memories get at most a quarter of the smallest context window, and never crowd out the conversation.
    private static final int MEMORY_TOKENS_MAX = 1500;

    /** Where the context comes from, and what judges it. */
    record Sources(ConversationReader conversations, MemoryRetrieval memory, RoomSettings rooms, Policies policies,
            PiiScanner scanner, Budgets budgets, SensitivityRule.Mode mode) {}

    /** What was gathered for one question, before it is judged (on a worker, since policies read H2). */
    record Gathered(Conversation conversation, List<MemoryRetrieval.Recollection> memories) {}

    /**
     * The plan: the context that may go (each with whether personal data in it leaves only as placeholders), where
     * the request may go, why, and the route.
     */
    record Plan(List<MemoryRetrieval.Recollection> memories, List<Turn> earlier, List<Turn> recent,
            List<Boolean> redact, Reach reach, RoutePlan route, Conversation conversation) {}

    private final ModelRouter router;
    private final Sources sources;

    RequestPlanner(ModelRouter router, Sources sources) {
        this.router = router;
        this.sources = sources;
    }

    /** Reads the conversation and recalls the memories; a failure of either gives less context, never none. */
    Future<Gathered> gather(MatrixEvent event, String question) {
        int budget = Math.min(MEMORY_TOKENS_MAX, router.smallestContextWindow() / 4);
        Future<Conversation> conversation = sources.conversations().read(event);
        Future<List<MemoryRetrieval.Recollection>> memories = sources.memory()
                .recall(event.roomId(), event.sender(), question, budget)
                .recover(e -> {
                    log.warn("recalling memories for {} failed; answering without them: {}", event.eventId(),
                            e.toString());
                    return Future.succeededFuture(List.of());
                });
        return Future.all(conversation, memories).map(all -> new Gathered(conversation.result(), memories.result()));
    }

    /** Judges every piece and routes. Blocking (policies, budgets): on a worker. */
    Plan plan(MatrixEvent event, Caller caller, String question, Optional<String> explicit, Gathered gathered) {
        EffectivePolicy policy = caller.policy();
        RoomSettings.Setting room = sources.rooms().of(event.roomId());
        Conversation conversation = gathered.conversation();
        Reach questionReach = SensitivityRule.ofAuthor(policy, room.isPrivate(),
                !sources.scanner().scan(question).isEmpty());

        List<Origin> origins = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        gathered.memories().forEach(memory -> {
            origins.add(new Origin.Memory(memory.reach()));
            texts.add(memory.text());
        });
        Map<UserId, EffectivePolicy> authors = new HashMap<>();
        for (Turn turn : concat(conversation.earlier(), conversation.recent())) {
            origins.add(origin(turn, event, authors));
            texts.add(turn.text());
        }
        List<SensitivityRule.Judged> judged = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            judged.add(SensitivityRule.judge(origins.get(i), !sources.scanner().scan(texts.get(i)).isEmpty()));
        }
        SensitivityRule.Decision decision = SensitivityRule.decide(questionReach,
                judged.stream().map(SensitivityRule.Judged::reach).toList(), localRoute(policy, explicit),
                sources.mode());

        RoutePlan route = router.route(new RouteRequest(policy, decision.reach() == Reach.LOCAL, room.isPrivate(),
                explicit, room.defaultModel(), sources.budgets().nearLimit(event.sender(), Limits.of(policy)),
                decision.reason()));
        return kept(gathered, conversation, judged, decision, route);
    }

    private Origin origin(Turn turn, MatrixEvent event, Map<UserId, EffectivePolicy> authors) {
        if (turn.fromSteward()) {
            return new Origin.Steward(turn.marked(), turn.answered().map(member -> policyOf(member, authors)));
        }
        return new Origin.Member(policyOf(turn.sender(), authors),
                sources.rooms().wasPrivateAt(event.roomId(), turn.sentAt()));
    }

    private EffectivePolicy policyOf(UserId member, Map<UserId, EffectivePolicy> authors) {
        return authors.computeIfAbsent(member, sources.policies()::effective);
    }

    /** A request may go local when the member may use a local model, and did not name one that is not. */
    private boolean localRoute(EffectivePolicy policy, Optional<String> explicit) {
        boolean anyLocal = router.allowed(policy).stream().anyMatch(ModelEntry::local);
        return anyLocal && explicit.flatMap(router::named).map(ModelEntry::local).orElse(true);
    }

    private static Plan kept(Gathered gathered, Conversation conversation, List<SensitivityRule.Judged> judged,
            SensitivityRule.Decision decision, RoutePlan route) {
        List<Boolean> redact = new ArrayList<>();
        int[] index = {0};
        List<MemoryRetrieval.Recollection> memories = keep(gathered.memories(), judged, decision, redact, index);
        List<Turn> earlier = keep(conversation.earlier(), judged, decision, redact, index);
        List<Turn> recent = keep(conversation.recent(), judged, decision, redact, index);
        return new Plan(memories, earlier, recent, redact, decision.reach(), route, conversation);
    }

    /** The pieces of one part that go, in order, noting each one's redaction; {@code index} counts across parts. */
    private static <T> List<T> keep(List<T> pieces, List<SensitivityRule.Judged> judged,
            SensitivityRule.Decision decision, List<Boolean> redact, int[] index) {
        List<T> kept = new ArrayList<>();
        for (T piece : pieces) {
            if (!decision.leftOut().contains(index[0])) {
                kept.add(piece);
                redact.add(judged.get(index[0]).redactPersonalData());
            }
            index[0]++;
        }
        return kept;
    }

    private static List<Turn> concat(List<Turn> first, List<Turn> second) {
        List<Turn> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
