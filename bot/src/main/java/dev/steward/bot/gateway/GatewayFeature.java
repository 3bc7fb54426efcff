package dev.steward.bot.gateway;

import dev.steward.bot.Services;
import dev.steward.bot.conversation.ConversationReader;
import dev.steward.bot.conversation.RoomNames;
import dev.steward.bot.feature.Feature;
import dev.steward.bot.feature.RoomEvents;
import dev.steward.bot.config.StewardConfig;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.ask.AskCommand;
import dev.steward.commands.ask.ModelsCommand;
import dev.steward.commands.ask.RoomModelCommands;
import dev.steward.bot.safety.MeaningEmbeddings;
import dev.steward.memory.Embedder;
import dev.steward.safety.content.ContentCheck;
import dev.steward.safety.content.ContentModerator;
import dev.steward.safety.content.ContentStrings;
import dev.steward.safety.content.MeaningClassifier;
import dev.steward.safety.pii.PiiScanner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The model gateway as one feature: the configured models behind one router and one guard, {@code !ask},
 * {@code !models}, {@code !model} and {@code !private}, and the messages that are requests without a command.
 */
public final class GatewayFeature implements Feature {
    /** How long a check of the model providers answers {@code !status} before they are asked again. */
    private static final Duration PROVIDER_CHECK_REUSE = Duration.ofSeconds(30);

    private final ModelGateway gateway;
    private final GatewayCatalog catalog;
    private final ProviderHealth providers;
    private final ChatHandler chat;
    private final AskCommand.AnswerKeeper keeper;

    public GatewayFeature(Services services, MemoryRetrieval memory, AskCommand.AnswerKeeper keeper,
            Embedder embedder) {
        StewardConfig config = services.config();
        StewardConfig.Models models = config.models();
        StewardConfig.Conversation conversation = config.conversation();
        ModelRouter router = new ModelRouter(models.entries(), models.defaultModel(), models.fallbacks());
        RequestGuard guard = new RequestGuard(new PiiScanner(), contentCheck(config, embedder), services.audit(),
                new MatrixAdminAlerts(services.bot(), config.safety().adminRoom()),
                ContentStrings.forLanguage(config.safety().language()));
        RequestPlanner planner = new RequestPlanner(router, new RequestPlanner.Sources(
                new ConversationReader(services.bot(), new RoomNames(services.roomStates()),
                        config.bot().commandPrefix(), conversation.threadMessages(), conversation.recentMessages()),
                memory, services.rooms(), services.policies(), new PiiScanner(), services.budgets(),
                config.safety().sensitiveContext()));
        SystemPrompts prompts = new SystemPrompts(conversation.systemPrompt(), conversation.roomPrompts(),
                conversation.rolePrompts(), services.clock(), config.safety().timeZone());
        Attempts attempts = Attempts.forModels(services.clock(), models.entries(), new CircuitBreaker(
                services.clock(), 3, Duration.ofSeconds(30)), Ledger.open(services.dataSource()), services.metrics(),
                services.probe().modelCalls());
        this.gateway = new ModelGateway(services.vertx(), router, planner, prompts,
                new ModelGateway.Safety(services.budgets(), guard, services.audit()), attempts);
        this.catalog = new GatewayCatalog(services.vertx(), router, planner, models.entries(), services.rooms(),
                services.audit());
        this.providers = new ProviderHealth(new ProviderCheck(services.web()), models.entries(), services.clock(),
                PROVIDER_CHECK_REUSE);
        this.keeper = keeper;
        this.chat = new ChatHandler(services.bot(), gateway, services.commands(), services.replies(),
                services.directRooms(), keeper);
    }

    /**
     * The word lists, the meaning classifier over the process's one embedding model (memory's, handed to safety
     * through its port), and the moderation model when one is configured.
     */
    private static ContentCheck contentCheck(StewardConfig config, Embedder embedder) {
        StewardConfig.Moderation moderation = config.safety().moderation();
        Optional<ContentModerator> moderator = moderation.model().flatMap(name -> config.models().entries().stream()
                .filter(model -> model.name().equals(name)).findFirst())
                .map(entry -> ModerationClient.of(entry, moderation.timeout()));
        return new ContentCheck(config.safety().contentFilter(),
                Optional.of(MeaningClassifier.bundled(new MeaningEmbeddings(embedder))), moderator);
    }

    @Override
    public String name() {
        return "gateway";
    }

    /** The providers' latest check, for {@code !status}. */
    public ProviderHealth providers() {
        return providers;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(AskCommand.spec(gateway, keeper), ModelsCommand.spec(catalog), RoomModelCommands.model(catalog),
                RoomModelCommands.privacy(catalog));
    }

    @Override
    public RoomEvents roomEvents() {
        return chat;
    }

    /** Only logged: a provider that is down at start may be up by the first question, and has fallbacks. */
    @Override
    public void started() {
        providers.checkAndLog();
    }
}
