package dev.steward.bot.roommemory;

import dev.steward.bot.Services;
import dev.steward.bot.feature.Feature;
import dev.steward.bot.feature.RoomEvents;
import dev.steward.bot.gateway.MemoryRetrieval;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.ask.AskCommand;
import dev.steward.commands.prompts.PromptKind;
import dev.steward.commands.remember.ForgetCommand;
import dev.steward.commands.remember.MemoryCommand;
import dev.steward.commands.remember.RecallCommand;
import dev.steward.commands.remember.RememberCommand;
import dev.steward.memory.MemoryStore;
import dev.steward.memory.MiniLmEmbedder;
import dev.steward.safety.pii.PiiScanner;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collective memory as one feature: the store and its embedding model, the memory commands and their
 * confirmations, what room events do to memory, and the hourly retention.
 */
public final class MemoryFeature implements Feature {
    private static final Logger log = LoggerFactory.getLogger(MemoryFeature.class);

    private final MiniLmEmbedder embedder;
    private final MemoryStore store;
    private final BotMemory memory;
    private final MemoryEvents events;
    private final Retention retention;
    private final Services services;

    private MemoryFeature(Services services, MiniLmEmbedder embedder, MemoryStore store) {
        this.services = services;
        this.embedder = embedder;
        this.store = store;
        this.memory = new BotMemory(services.vertx(), services.bot(), store, services.memberPolicies(),
                new PiiScanner(), services.rooms(), services.roomStates(), services.directRooms());
        this.events = new MemoryEvents(services.vertx(), store, memory);
        this.retention = new Retention(store, services.clock(), services.config().memory().retention());
    }

    /**
     * Opens the store (repairing its index) with the loaded embedding model, which it then owns (closed with the
     * feature, or at once when opening fails). Blocking: call it on a worker.
     */
    public static MemoryFeature open(Services services, MiniLmEmbedder embedder) {
        try {
            MemoryFeature feature = new MemoryFeature(services, embedder, MemoryStore.open(
                    services.config().memoryIndexDir(), services.dataSource(), embedder, services.clock()));
            feature.store.onForgetting(services.compaction()::forgotten);
            int judged = feature.memory.judgeOldMemories(services.policies(), new PiiScanner());
            if (judged > 0) {
                log.info("recorded where {} memories stored by an earlier version may go", judged);
            }
            return feature;
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "memory";
    }

    public MemoryRetrieval retrieval() {
        return memory;
    }

    public AskCommand.AnswerKeeper answerKeeper() {
        return memory::keepAnswer;
    }

    public MemoryStore store() {
        return store;
    }

    /** The process's one embedding model, which the content classifier reads meaning with too. */
    public MiniLmEmbedder embedder() {
        return embedder;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(RememberCommand.spec(memory), RecallCommand.spec(memory),
                ForgetCommand.spec(memory, services.prompts()), MemoryCommand.spec(memory, services.prompts()));
    }

    @Override
    public List<PromptKind> promptKinds() {
        return List.of(ForgetCommand.confirmation(memory), MemoryCommand.eraseConfirmation(memory));
    }

    @Override
    public RoomEvents roomEvents() {
        return events;
    }

    @Override
    public List<Runnable> hourly() {
        return List.of(retention::forgetRoomsPastRetention);
    }

    /** The index first (it commits), then the model. */
    @Override
    public void close() {
        store.close();
        embedder.close();
    }
}
