package dev.steward.bot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.bot.backup.BackupEndpoint;
import dev.steward.bot.config.StewardConfig;
import dev.steward.bot.http.OperatorEndpoints;
import dev.steward.bot.gateway.CircuitBreaker;
import dev.steward.bot.gateway.Ledger;
import dev.steward.bot.gateway.ModelGateway;
import dev.steward.bot.gateway.ModelRouter;
import dev.steward.bot.gateway.Attempts;
import dev.steward.bot.gateway.GatewayCatalog;
import dev.steward.bot.gateway.MemoryRetrieval;
import dev.steward.bot.memory.BotMemory;
import dev.steward.bot.memory.MemoryEvents;
import dev.steward.bot.memory.Retention;
import dev.steward.bot.memory.SpaceRooms;
import dev.steward.commands.Confirmations;
import dev.steward.commands.memory.ForgetCommand;
import dev.steward.commands.memory.MemoryCommand;
import dev.steward.commands.memory.RecallCommand;
import dev.steward.commands.memory.RememberCommand;
import dev.steward.memory.MemoryStore;
import dev.steward.memory.MiniLmEmbedder;
import dev.steward.bot.gateway.SystemPrompts;
import dev.steward.bot.conversation.ConversationReader;
import dev.steward.bot.conversation.RoomNames;
import dev.steward.bot.rooms.RoomSettings;
import dev.steward.bot.rooms.RoomStates;
import dev.steward.commands.ask.ModelsCommand;
import dev.steward.commands.ask.RoomModelCommands;
import dev.steward.bot.gateway.ProviderCheck;
import dev.steward.bot.gateway.ProviderHealth;
import dev.steward.bot.gateway.RequestGuard;
import dev.steward.bot.pipeline.ChatHandler;
import dev.steward.bot.pipeline.DirectRooms;
import dev.steward.bot.pipeline.EventRouter;
import dev.steward.commands.ask.AskCommand;
import dev.steward.bot.gateway.MatrixAdminAlerts;
import dev.steward.safety.content.ContentStrings;
import dev.steward.safety.pii.PiiScanner;
import dev.steward.bot.safety.BotPolicies;
import dev.steward.bot.safety.CommandGate;
import dev.steward.commands.policy.AuditCommand;
import dev.steward.commands.policy.BudgetCommand;
import dev.steward.safety.budget.Budgets;
import dev.steward.commands.policy.PolicyCommand;
import dev.steward.safety.SafetySchema;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.OverrideStore;
import dev.steward.safety.policy.Policies;
import dev.steward.safety.policy.PolicyResolver;
import dev.steward.bot.pipeline.InvitePolicy;
import dev.steward.bot.pipeline.MatrixReplies;
import dev.steward.bot.pipeline.MembershipHandler;
import dev.steward.bot.pipeline.Pipeline;
import dev.steward.commands.CommandParser;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.builtin.HelpCommand;
import dev.steward.commands.builtin.PingCommand;
import dev.steward.commands.builtin.StatusCommand;
import dev.steward.homeserver.MatrixError;
import dev.steward.homeserver.appservice.AppserviceApi;
import dev.steward.homeserver.appservice.AppserviceListener;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.inbox.Inbox;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the whole application from its config and starts it; {@code Main} and the tests start it the same way. */
public final class Steward {
    private static final Logger log = LoggerFactory.getLogger(Steward.class);
    private static final Duration INBOX_RETENTION = Duration.ofDays(7);
    /** How long a check of the model providers answers {@code !status} before they are asked again. */
    private static final Duration PROVIDER_CHECK_REUSE = Duration.ofSeconds(30);

    private Steward() {}

    public static Future<RunningSteward> start(StewardConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static Future<RunningSteward> start(StewardConfig config, Clock clock) {
        return start(config, clock, Probe.NONE);
    }

    /** Starts Steward with a benchmark watching it (see {@link Probe}). */
    public static Future<RunningSteward> start(StewardConfig config, Clock clock, Probe probe) {
        AppserviceTokens tokens;
        try {
            tokens = AppserviceTokens.resolve(config);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMetrics(registry);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE,
                                Label.POOL_TYPE, Label.POOL_NAME))))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        StewardMetrics metrics = new StewardMetrics(registry);
        // The embedding model loads (about a second) on another worker while the database opens and migrates.
        Future<MiniLmEmbedder> embedding = vertx.executeBlocking(MiniLmEmbedder::new, false);
        return vertx.executeBlocking(() -> openDatabase(config), false)
                .compose(dataSource -> vertx.executeBlocking(() -> {
                    SafetySchema.migrate(dataSource);
                    return Ledger.open(dataSource);
                }, false).compose(ledger -> embedding.compose(embedder -> vertx.executeBlocking(() ->
                        new Stores(Inbox.open(dataSource, clock), ledger, new DirectRooms(dataSource, clock),
                            new RoomSettings(dataSource, clock),
                            MemoryStore.open(config.memoryIndexDir(), dataSource, embedder, clock), embedder), false)))
                        .compose(stores -> assemble(vertx, config, tokens, clock, registry, metrics, dataSource, stores,
                                probe))
                        .onFailure(e -> dataSource.close()))
                .onFailure(e -> vertx.close());
    }

    private static HikariDataSource openDatabase(StewardConfig config) throws Exception {
        Files.createDirectories(config.dataDir());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(H2Files.url(config.databaseFile()));
        hikari.setUsername("steward");
        hikari.setPassword("");
        hikari.setMaximumPoolSize(8);
        hikari.setPoolName("steward-h2");
        return new HikariDataSource(hikari);
    }

    private static Future<RunningSteward> assemble(Vertx vertx, StewardConfig config, AppserviceTokens tokens,
            Clock clock, PrometheusMeterRegistry registry, StewardMetrics metrics, HikariDataSource dataSource,
            Stores stores, Probe probe) {
        Inbox inbox = stores.inbox();
        UserId botUser = config.botUserId();
        WebClient web = WebClient.create(vertx, new WebClientOptions().setUserAgent("Steward/" + Version.get()));
        MatrixClient bot = MatrixClient.create(vertx, web, config.homeserver().url(), tokens.asToken(), botUser,
                RetryPolicy.DEFAULT).observedBy(probe.homeserverCalls());
        CommandParser parser = new CommandParser(config.bot().commandPrefix());
        AuditLog audit = new AuditLog(dataSource, clock);
        Budgets budgets = new Budgets(dataSource, clock, config.safety().timeZone(),
                config.safety().budgetWarningShare());
        BotPolicies policies = new BotPolicies(vertx, bot, policies(config, dataSource, clock, audit), budgets);
        RoomStates roomStates = new RoomStates(bot);
        BotMemory memory = new BotMemory(vertx, bot, stores.memory(), policies, new PiiScanner(), stores.rooms(),
                new SpaceRooms(roomStates));
        MemoryEvents memoryEvents = new MemoryEvents(vertx, stores.memory(), memory);
        Retention retention = new Retention(stores.memory(), clock, config.memory().retention());
        Confirmations confirmations = new Confirmations(clock);
        Gateway models = gateway(vertx, config, clock, bot, roomStates, policies, budgets, stores, audit, metrics,
                probe, memory);
        ModelGateway gateway = models.gateway();
        ProviderHealth providers = new ProviderHealth(new ProviderCheck(web), config.models().entries(), clock,
                PROVIDER_CHECK_REUSE);
        CommandRegistry commands = new CommandRegistry();
        commands.register(HelpCommand.spec(commands))
                .register(PingCommand.spec(clock))
                .register(StatusCommand.spec(new BotStatus(vertx, clock, bot.withRetry(RetryPolicy.PROBE),
                        config.appservice().id(), inbox, providers)))
                .register(AskCommand.spec(gateway, memory::keepAnswer))
                .register(RememberCommand.spec(memory))
                .register(RecallCommand.spec(memory))
                .register(ForgetCommand.spec(memory, policies, confirmations))
                .register(MemoryCommand.spec(memory, policies, confirmations))
                .register(ModelsCommand.spec(models.catalog()))
                .register(RoomModelCommands.model(models.catalog(), policies))
                .register(RoomModelCommands.privacy(models.catalog(), policies))
                .register(PolicyCommand.spec(policies))
                .register(BudgetCommand.spec(policies))
                .register(AuditCommand.spec(policies));
        CommandGate gate = new CommandGate(vertx, policies, audit, clock, config.safety().timeZone(),
                parser.prefix());
        MatrixReplies replies = new MatrixReplies(bot);
        DirectRooms directRooms = stores.directRooms();
        Pipeline pipeline = new Pipeline(vertx, inbox, new EventRouter(botUser, parser), commands, replies,
                new MembershipHandler(bot, new InvitePolicy(config.invites().allow(), botUser),
                        config.bot().displayName(), vertx, directRooms),
                gate, new ChatHandler(bot, gateway, gate, replies, directRooms, memory::keepAnswer), confirmations,
                memoryEvents, metrics, parser.prefix(),
                config.pipeline().maxAttempts(), config.pipeline().paused());

        Router router = Router.router(vertx);
        new AppserviceApi(vertx, tokens.hsToken(), inbox, wakeOnStore(metrics, pipeline, probe),
                config.appservice().maxBodyBytes(), botUser::equals).mount(router);
        new OperatorEndpoints(vertx, inbox, bot.withRetry(RetryPolicy.PROBE), registry).mount(router);
        new BackupEndpoint(vertx, config, dataSource, stores.memory(), tokens.hsToken()).mount(router);
        router.route().last().handler(ctx -> MatrixError.UNRECOGNIZED.write(ctx.response()));

        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.appservice().bindAddress()).setPort(config.appservice().port()));
        return server.requestHandler(router).listen().map(listening -> {
            log.info("Steward {} listening on {}:{} as {}", Version.get(), config.appservice().bindAddress(),
                    listening.actualPort(), botUser);
            if (config.pipeline().paused()) {
                log.warn("pipeline.paused is on: events are stored but not handled until it is turned off");
            }
            pipeline.wake();
            announce(bot, config);
            // Only logged: a provider that is down at start may be up by the first question, and has fallbacks.
            providers.checkAndLog();
            long housekeeping = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> vertx.executeBlocking(() -> {
                inbox.prune(clock.instant().minus(INBOX_RETENTION));
                return retention.forgetRoomsPastRetention();
            }, false).onFailure(e -> log.warn("hourly housekeeping failed: {}", e.toString())));
            return new RunningSteward(vertx, listening, dataSource, pipeline, registry, inbox, housekeeping,
                    stores.memory(), stores.embedder());
        });
    }

    /** The databases the application opens at start, after their migrations. */
    private record Stores(Inbox inbox, Ledger ledger, DirectRooms directRooms, RoomSettings rooms, MemoryStore memory,
            MiniLmEmbedder embedder) {}

    /** The model gateway and what shows and sets its models, sharing one router and one guard. */
    private record Gateway(ModelGateway gateway, GatewayCatalog catalog) {}

    private static Gateway gateway(Vertx vertx, StewardConfig config, Clock clock, MatrixClient bot,
            RoomStates roomStates, BotPolicies policies, Budgets budgets, Stores stores, AuditLog audit, StewardMetrics metrics, Probe probe,
            MemoryRetrieval memory) {
        StewardConfig.Models models = config.models();
        StewardConfig.Conversation conversation = config.conversation();
        ModelRouter router = new ModelRouter(models.entries(), models.defaultModel(), models.fallbacks());
        RequestGuard guard = new RequestGuard(new PiiScanner(), config.safety().contentFilter(), audit,
                new MatrixAdminAlerts(bot, config.safety().adminRoom()),
                ContentStrings.forLanguage(config.safety().language()));
        ModelGateway.Context context = new ModelGateway.Context(
                new ConversationReader(bot, new RoomNames(roomStates), config.bot().commandPrefix(),
                        conversation.threadMessages(), conversation.recentMessages()),
                new SystemPrompts(conversation.systemPrompt(), conversation.roomPrompts(), conversation.rolePrompts(),
                        clock, config.safety().timeZone()),
                memory, stores.rooms());
        Attempts attempts = Attempts.forModels(clock, models.entries(), new CircuitBreaker(clock, 3,
                Duration.ofSeconds(30)), stores.ledger(), metrics, probe.modelCalls());
        ModelGateway gateway = new ModelGateway(vertx, router, context,
                new ModelGateway.Safety(policies, budgets, guard, audit), attempts);
        return new Gateway(gateway, new GatewayCatalog(vertx, router, models.entries(), stores.rooms(), policies,
                guard, budgets));
    }

    private static Policies policies(StewardConfig config, HikariDataSource dataSource, Clock clock, AuditLog audit) {
        StewardConfig.Safety safety = config.safety();
        PolicyResolver resolver = new PolicyResolver(safety.roles(),
                new MemberRoles(safety.members(), safety.defaultRole()), safety.powerLevelRoles());
        return new Policies(resolver, new OverrideStore(dataSource, clock), audit);
    }

    private static AppserviceListener wakeOnStore(StewardMetrics metrics, Pipeline pipeline, Probe probe) {
        return new AppserviceListener() {
            @Override
            public void transactionStored(String txnId, int events, int skippedInvalid) {
                probe.transactionStored(System.nanoTime());
                metrics.transactionStored(txnId, events, skippedInvalid);
                pipeline.wake();
            }

            @Override
            public void transactionRepeated(String txnId) {
                metrics.transactionRepeated(txnId);
            }
        };
    }

    /** Sets the bot's display name and checks that the homeserver reaches Steward; failures are only logged. */
    private static void announce(MatrixClient bot, StewardConfig config) {
        String name = config.bot().displayName();
        bot.profile(bot.self())
                .map(profile -> profile.getString("displayname", ""))
                .otherwise("")
                .compose(current -> current.equals(name) ? Future.succeededFuture() : bot.setDisplayName(name))
                // Rooms still show the name: the join handler sets it per room when the profile lacks it.
                .onFailure(e -> log.info("the global display name was not set ({}); rooms get it on join",
                        e.getMessage()));
        bot.pingAppservice(config.appservice().id(), "startup")
                .onSuccess(rtt -> log.info("the homeserver reaches Steward (appservice ping {} ms)", rtt.toMillis()))
                .onFailure(e -> log.warn("the homeserver does not reach Steward yet ({}); check that it loads the"
                        + " registration and that appservice.url points here", e.getMessage()));
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }
}
