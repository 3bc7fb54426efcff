package dev.steward.bot.roommemory;

import dev.steward.bot.gateway.GatewayStrings;
import dev.steward.bot.gateway.MemoryRetrieval;
import dev.steward.bot.pipeline.DirectRooms;
import dev.steward.bot.rooms.RoomSettings;
import dev.steward.bot.rooms.RoomStates;
import dev.steward.bot.rooms.SpaceRooms;
import dev.steward.commands.Caller;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.commands.remember.MemoryExport;
import dev.steward.commands.remember.RoomMemory;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.TxnIds;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.memory.Counts;
import dev.steward.memory.Hit;
import dev.steward.memory.MatrixToLink;
import dev.steward.memory.Memory;
import dev.steward.memory.MemoryKind;
import dev.steward.memory.MemorySettings;
import dev.steward.memory.MemoryStore;
import dev.steward.memory.NewMemory;
import dev.steward.safety.pii.PiiScanner;
import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.Policies;
import dev.steward.safety.sensitivity.Reach;
import dev.steward.safety.sensitivity.SensitivityRule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The memory store as Steward uses it: for commands ({@link RoomMemory}) and for the model gateway
 * ({@link MemoryRetrieval}). The store blocks, so commands get its answers on worker threads; each search is limited
 * to the rooms {@link MemoryScopes} allows.
 */
public final class BotMemory implements RoomMemory, MemoryRetrieval {
    // More would rarely be read by a model, and each costs prompt tokens.
    private static final int RECALLED_FOR_MODELS = 5;

    private final Vertx vertx;
    private final MatrixClient bot;
    private final MemoryStore store;
    private final MemberPolicies policies;
    private final MemoryWrites writes;
    private final MemoryScopes scopes;
    private final RoomSettings rooms;
    private final RoomStates states;
    private final DirectRooms directRooms;

    BotMemory(Vertx vertx, MatrixClient bot, MemoryStore store, MemberPolicies policies, PiiScanner scanner,
            RoomSettings rooms, RoomStates states, DirectRooms directRooms) {
        this.vertx = vertx;
        this.bot = bot;
        this.store = store;
        this.policies = policies;
        this.writes = new MemoryWrites(scanner);
        this.scopes = new MemoryScopes(vertx, store, rooms, new SpaceRooms(states));
        this.rooms = rooms;
        this.states = states;
        this.directRooms = directRooms;
    }

    @Override
    public Future<Remembered> remember(Caller caller, MatrixEvent event, String text) {
        return blocking(() -> {
            MemoryWrites.Admitted admitted = writes.admitOrRefuse(text, caller.policy());
            Memory stored = store.add(newMemory(event.roomId(), event.sender(), event.eventId(), admitted,
                    MemoryKind.EXPLICIT, reachOfWords(caller.policy(), event.roomId(), admitted)));
            return new Remembered(stored, admitted.note());
        });
    }

    /** A message captured from a room that keeps its messages; silently nothing when the policy keeps it out. */
    Future<List<Memory>> capture(MatrixEvent event, List<String> chunks, EffectivePolicy policy) {
        return blocking(() -> {
            List<Memory> stored = new ArrayList<>();
            for (String chunk : chunks) {
                writes.admit(chunk, policy).ifPresent(admitted -> stored.add(store.add(newMemory(event.roomId(),
                        event.sender(), event.eventId(), admitted, MemoryKind.MESSAGE,
                        reachOfWords(policy, event.roomId(), admitted)))));
            }
            return stored;
        });
    }

    /**
     * Steward's answer, kept when the room keeps answers, under the asker's policy (it may repeat what they wrote):
     * nothing when they may not be remembered, personal data as their policy says; it keeps the answer's reach.
     */
    public Future<Void> keepAnswer(MatrixEvent question, EventId answer, String text, Reach reach) {
        RoomId room = question.roomId();
        return blocking(() -> store.settings().get(room).captureAnswers()).compose(keep -> !keep
                ? Future.succeededFuture()
                : policies.effective(question.sender()).compose(policy -> blocking(() -> {
                    String answered = GatewayStrings.withoutFooter(text);
                    if (!answered.isBlank()) {
                        writes.admit(answered, policy).ifPresent(admitted -> store.add(newMemory(room, bot.self(),
                                answer, admitted, MemoryKind.ANSWER,
                                reach.and(reachOfWords(policy, room, admitted)))));
                    }
                    return null;
                })));
    }

    /**
     * Where words written now may go, fixed when they are stored: by their author's policy, the room's privacy now,
     * and personal data kept in them (a memory that holds some only ever goes to local models).
     */
    private Reach reachOfWords(EffectivePolicy author, RoomId room, MemoryWrites.Admitted admitted) {
        Reach reach = SensitivityRule.ofAuthor(author, rooms.of(room).isPrivate(), admitted.personalDataKept());
        return admitted.personalDataKept() ? Reach.LOCAL : reach;
    }

    private NewMemory newMemory(RoomId room, UserId author, EventId source, MemoryWrites.Admitted admitted,
            MemoryKind kind, Reach reach) {
        NewMemory memory = NewMemory.of(room, author, source, admitted.text(), kind);
        memory = reach == Reach.LOCAL ? memory.keptLocal() : memory;
        boolean shares = store.settings().get(room).shareWithSpace() && !rooms.of(room).isPrivate();
        return shares ? memory.sharedWithSpace() : memory;
    }

    /**
     * Judges, once, the memories stored before their reach was recorded: by their authors' policies now, the room's
     * privacy now, and whether they hold personal data. Blocking: at start, on a worker.
     */
    int judgeOldMemories(Policies authors, PiiScanner scanner) {
        return store.judgeUnjudged(memory -> memory.author().equals(bot.self()) || rooms.of(memory.room()).isPrivate()
                || !scanner.scan(memory.text()).isEmpty()
                || SensitivityRule.ofAuthor(authors.effective(memory.author()), false, false) == Reach.LOCAL);
    }

    @Override
    public Future<Reach> reachOf(List<Memory> memories) {
        if (memories.isEmpty()) {
            return Future.succeededFuture(Reach.ANYWHERE);
        }
        return blocking(() -> store.localOnly(memories.stream().map(Memory::id).toList()).isEmpty()
                ? Reach.ANYWHERE : Reach.LOCAL);
    }

    @Override
    public Future<List<Hit>> recall(MatrixEvent event, String query, int count) {
        return scopes.of(event.roomId()).compose(scope -> blocking(() -> store.search(query, scope, count)));
    }

    @Override
    public Future<Optional<Memory>> find(RoomId room, long id) {
        return blocking(() -> store.get(id).filter(memory -> memory.room().equals(room)));
    }

    @Override
    public Future<List<Memory>> forget(List<Long> ids) {
        return blocking(() -> {
            List<Memory> gone = new ArrayList<>();
            for (long id : ids) {
                Optional<Memory> memory = store.get(id);
                if (memory.isPresent() && store.delete(id)) {
                    gone.add(memory.get());
                }
            }
            return gone;
        });
    }

    @Override
    public Future<Counts> counts(RoomId room) {
        return blocking(() -> store.counts(room));
    }

    @Override
    public Future<MemorySettings> settings(RoomId room) {
        return blocking(() -> store.settings().get(room));
    }

    @Override
    public Future<MemorySettings> changeSettings(RoomId room, MemorySettings settings) {
        return blocking(() -> {
            store.settings().set(room, settings);
            return settings;
        });
    }

    @Override
    public Future<List<Memory>> byAuthor(UserId member) {
        return blocking(() -> store.byAuthor(member));
    }

    @Override
    public Future<Integer> erase(UserId member) {
        return blocking(() -> store.eraseAuthor(member));
    }

    /**
     * Only memories of rooms the asker has joined go out (a private room's, then, only to its members), and only to
     * a direct chat with the asker, never into the room where they asked, which others read.
     */
    @Override
    public Future<Exported> export(Caller asker, MatrixEvent request, UserId member) {
        return byAuthor(member).compose(memories -> visibleTo(asker.member(), memories).compose(visible -> {
            String fileName = "memories-" + member.localpart() + ".json";
            byte[] file = MemoryExport.json(member, visible);
            int roomCount = (int) visible.stream().map(Memory::room).distinct().count();
            return directRooms.with(asker.member())
                    .compose(direct -> bot.upload(fileName, "application/json", file)
                            .compose(uri -> bot.send(direct, "m.room.message", new JsonObject()
                                    .put("msgtype", "m.file")
                                    .put("body", fileName)
                                    .put("url", uri)
                                    .put("info", new JsonObject().put("mimetype", "application/json")
                                            .put("size", file.length)),
                                    TxnIds.derive(request.eventId(), "memory:export-file"))))
                    .map(sent -> new Exported(visible.size(), roomCount, memories.size() - visible.size()));
        }));
    }

    private Future<List<Memory>> visibleTo(UserId asker, List<Memory> memories) {
        List<RoomId> roomIds = memories.stream().map(Memory::room).distinct().toList();
        List<Future<Set<UserId>>> joined = roomIds.stream().map(room -> states.joined(room).otherwise(Set.of()))
                .toList();
        return Future.all(joined).map(done -> {
            List<RoomId> visible = new ArrayList<>();
            for (int i = 0; i < roomIds.size(); i++) {
                if (joined.get(i).result().contains(asker)) {
                    visible.add(roomIds.get(i));
                }
            }
            return memories.stream().filter(memory -> visible.contains(memory.room())).toList();
        });
    }

    /** For the gateway: the best memories this room may see, within the token budget. */
    @Override
    public Future<List<Recollection>> recall(RoomId room, UserId asker, String question, int maxTokens) {
        return scopes.of(room).compose(scope -> blocking(() -> withinBudget(store.search(question, scope,
                RECALLED_FOR_MODELS), maxTokens)));
    }

    private List<Recollection> withinBudget(List<Hit> hits, int maxTokens) {
        Set<Long> local = store.localOnly(hits.stream().map(hit -> hit.memory().id()).toList());
        List<Recollection> recalled = new ArrayList<>();
        long used = 0;
        for (Hit hit : hits) {
            Memory memory = hit.memory();
            long tokens = memory.text().length() / 4 + 20;
            if (used + tokens > maxTokens) {
                break;
            }
            used += tokens;
            recalled.add(new Recollection(memory.text(), memory.author().localpart(), memory.createdAt(),
                    memory.sourceEvent().map(event -> MatrixToLink.of(memory.room(), event)).orElse("(no link)"),
                    local.contains(memory.id()) ? Reach.LOCAL : Reach.ANYWHERE));
        }
        return recalled;
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
