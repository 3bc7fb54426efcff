package dev.steward.bot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.bot.backup.BackupEndpoint;
import dev.steward.bot.config.StewardConfig;
import dev.steward.bot.crypto.EndToEndEncryption;
import dev.steward.bot.feature.Feature;
import dev.steward.bot.feature.RoomEvents;
import dev.steward.bot.gateway.GatewayFeature;
import dev.steward.bot.http.OperatorEndpoints;
import dev.steward.bot.pipeline.DirectRooms;
import dev.steward.bot.pipeline.EventRouter;
import dev.steward.bot.pipeline.InvitePolicy;
import dev.steward.bot.pipeline.MatrixReplies;
import dev.steward.bot.pipeline.MembershipHandler;
import dev.steward.bot.pipeline.Pipeline;
import dev.steward.bot.roommemory.MemoryFeature;
import dev.steward.bot.rooms.RoomSettings;
import dev.steward.bot.rooms.RoomStates;
import dev.steward.bot.rooms.SpaceRooms;
import dev.steward.bot.safety.AuditedRefusals;
import dev.steward.bot.safety.BotPolicies;
import dev.steward.bot.safety.Callers;
import dev.steward.bot.safety.PolicyFeature;
import dev.steward.commands.CommandParser;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.CommandsSchema;
import dev.steward.commands.PolicyGate;
import dev.steward.commands.builtin.HelpCommand;
import dev.steward.commands.builtin.PingCommand;
import dev.steward.commands.builtin.StatusCommand;
import dev.steward.commands.prompts.PromptRegistry;
import dev.steward.commands.prompts.PromptStore;
import dev.steward.commands.schedule.Schedule;
import dev.steward.homeserver.MatrixError;
import dev.steward.homeserver.appservice.AppserviceApi;
import dev.steward.homeserver.appservice.AppserviceListener;
import dev.steward.homeserver.appservice.ExtensionHandler;
import dev.steward.homeserver.client.EventCodec;
import dev.steward.homeserver.client.MatrixClient;
import dev.steward.homeserver.client.RetryPolicy;
import dev.steward.homeserver.id.UserId;
import dev.steward.homeserver.inbox.H2Files;
import dev.steward.homeserver.inbox.Inbox;
import dev.steward.homeserver.jdbc.Jdbc;
import dev.steward.memory.MemoryStore;
import dev.steward.memory.MiniLmEmbedder;
import dev.steward.safety.SafetySchema;
import dev.steward.safety.audit.AuditLog;
import dev.steward.safety.authority.Authority;
import dev.steward.safety.budget.Budgets;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.OverrideStore;
import dev.steward.safety.policy.Policies;
import dev.steward.safety.policy.PolicyResolver;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole application from its config and starts it; {@code Main} and the tests start it the same way.
 * The shared {@link Services} come first, then the features, each one unit that contributes its commands, prompt
 * kinds, scheduled jobs, room hooks, HTTP routes and closeables; the pipeline and the HTTP server are wired from
 * those in a loop.
 */
public final class Steward {
    private static final Logger log = LoggerFactory.getLogger(Steward.class);
    private static final Duration INBOX_RETENTION = Duration.ofDays(7);
    private static final Duration SCHEDULE_TICK = Duration.ofSeconds(1);
    // Writers wait while the file is rewritten: a minute covers a family's database many times over.
    private static final Duration COMPACTION_TIME = Duration.ofSeconds(60);

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
        WebClient web = WebClient.create(vertx, new WebClientOptions().setUserAgent("Steward/" + Version.get()));
        List<AutoCloseable> opened = new ArrayList<>();
        // The embedding model loads (about a second) on another worker while the database opens and migrates.
        Future<MiniLmEmbedder> embedding = vertx.executeBlocking(MiniLmEmbedder::new, false);
        return vertx.executeBlocking(() -> openDatabase(config, opened), false)
                .compose(dataSource -> encryption(vertx, web, config, tokens, clock, metrics, dataSource, probe, opened)
                        .compose(e2ee -> embedding.compose(embedder -> vertx.executeBlocking(() -> assemble(vertx,
                                web, config, tokens, clock, probe, registry, metrics, dataSource, e2ee, embedder,
                                opened), false))))
                .compose(assembled -> listen(assembled, tokens))
                .onFailure(e -> {
                    closeAll(opened);
                    // Closing twice is harmless: the memory feature may already own (and have closed) it.
                    embedding.onSuccess(MiniLmEmbedder::close);
                    vertx.close();
                });
    }

    /** Everything built before the server listens: services, features, the pipeline, encryption when it is on. */
    record Assembled(Services services, List<Feature> features, MemoryStore memory, Pipeline pipeline,
            Optional<EndToEndEncryption> e2ee) {}

    /**
     * The encryption unit, opened when {@code encryption.store_key} is set (otherwise encrypted rooms are told
     * Steward cannot read them). It keeps its own client: the bot's client encrypts through it.
     */
    private static Future<Optional<EndToEndEncryption>> encryption(Vertx vertx, WebClient web, StewardConfig config,
            AppserviceTokens tokens, Clock clock, StewardMetrics metrics, HikariDataSource dataSource, Probe probe,
            List<AutoCloseable> opened) {
        if (!config.encryption().enabled()) {
            log.warn("encrypted rooms are not read: set encryption.store_key (or STEWARD_E2EE_KEY) to enable them");
            return Future.succeededFuture(Optional.empty());
        }
        MatrixClient bot = MatrixClient.create(vertx, web, config.homeserver().url(), tokens.asToken(),
                config.botUserId(), RetryPolicy.DEFAULT).observedBy(probe.homeserverCalls());
        return EndToEndEncryption.open(vertx, config.encryption(), bot, dataSource, clock, metrics, System.out)
                .map(unit -> {
                    opened.add(0, unit);
                    return Optional.of(unit);
                });
    }

    // On a worker: the stores and the embedding model block.
    private static Assembled assemble(Vertx vertx, WebClient web, StewardConfig config, AppserviceTokens tokens,
            Clock clock, Probe probe, PrometheusMeterRegistry registry, StewardMetrics metrics,
            HikariDataSource dataSource, Optional<EndToEndEncryption> e2ee, MiniLmEmbedder embedder,
            List<AutoCloseable> opened) {
        Services services = services(vertx, web, config, tokens, clock, probe, registry, metrics, dataSource, e2ee);
        MemoryFeature memory = MemoryFeature.open(services, embedder);
        opened.add(0, memory);
        GatewayFeature gateway = new GatewayFeature(services, memory.retrieval(), memory.answerKeeper(),
                memory.embedder());
        // Order matters for the room hooks: a request is answered before the message is kept in memory.
        List<Feature> features = List.of(gateway, memory, new PolicyFeature(services));
        CommandRegistry commands = services.commands();
        commands.register(HelpCommand.spec(commands))
                .register(PingCommand.spec(clock))
                .register(StatusCommand.spec(new BotStatus(vertx, clock, services.bot().withRetry(RetryPolicy.PROBE),
                        config.appservice().id(), services.inbox(), gateway.providers())));
        for (Feature feature : features) {
            feature.commands().forEach(commands::register);
            feature.promptKinds().forEach(services.prompts()::register);
            feature.scheduledJobs().forEach(services.schedule()::register);
        }
        services.schedule().start(SCHEDULE_TICK);
        UserId botUser = config.botUserId();
        MatrixClient bot = services.bot();
        Pipeline pipeline = new Pipeline(vertx, services.inbox(), new Pipeline.Handlers(
                new EventRouter(botUser, new CommandParser(config.bot().commandPrefix())), services.callers(), commands,
                services.prompts(), new MembershipHandler(bot, new InvitePolicy(config.invites().allow(), botUser),
                        config.bot().displayName(), vertx, services.directRooms(), e2ee.isPresent()),
                services.replies(), services.roomStates(), services.compaction(),
                features.stream().map(Feature::roomEvents).toList()),
                metrics, config.pipeline().maxAttempts(), config.pipeline().paused());
        // E2EE hook: events are opened (decrypted) before the router.
        e2ee.ifPresent(unit -> pipeline.openWith(unit.opener()));
        return new Assembled(services, features, memory.store(), pipeline, e2ee);
    }

    private static Services services(Vertx vertx, WebClient web, StewardConfig config, AppserviceTokens tokens,
            Clock clock, Probe probe, PrometheusMeterRegistry registry, StewardMetrics metrics,
            HikariDataSource dataSource, Optional<EndToEndEncryption> e2ee) {
        Inbox inbox = Inbox.open(dataSource, clock);
        // E2EE hook: every message Steward sends is sealed (encrypted in encrypted rooms).
        MatrixClient bot = MatrixClient.create(vertx, web, config.homeserver().url(), tokens.asToken(),
                config.botUserId(), RetryPolicy.DEFAULT).observedBy(probe.homeserverCalls())
                .withCodec(e2ee.map(EndToEndEncryption::codec).orElse(EventCodec.PLAIN));
        StewardConfig.Safety safety = config.safety();
        MemberRoles members = new MemberRoles(safety.members(), safety.defaultRole());
        Authority authority = new Authority(safety.roles(), members, safety.roomAdminLevel());
        AuditLog audit = new AuditLog(dataSource, clock);
        Budgets budgets = new Budgets(dataSource, clock, safety.timeZone(), safety.budgetWarningShare());
        Policies memberPolicies = new Policies(new PolicyResolver(safety.roles(), members),
                new OverrideStore(dataSource, clock), audit);
        BotPolicies policies = new BotPolicies(vertx, memberPolicies, budgets);
        RoomStates roomStates = new RoomStates(bot);
        RoomSettings rooms = new RoomSettings(dataSource, clock);
        // An encrypted room is private unless an admin said otherwise.
        e2ee.ifPresent(unit -> rooms.privateByDefault(unit::isEncrypted));
        Callers callers = new Callers(roomStates, policies, rooms);
        MatrixReplies replies = new MatrixReplies(bot);
        AuditedRefusals refusals = new AuditedRefusals(vertx, audit);
        CommandRegistry commands = new CommandRegistry(authority,
                new PolicyGate(clock, safety.timeZone(), config.bot().commandPrefix()), refusals);
        Jdbc jdbc = new Jdbc(dataSource);
        Schedule schedule = new Schedule(vertx, jdbc, clock);
        PromptRegistry prompts = new PromptRegistry(vertx, new PromptStore(jdbc), schedule, authority, refusals,
                callers::of, replies, clock);
        return new Services(vertx, config, clock, probe, metrics, registry, dataSource, web, bot, inbox, roomStates,
                new SpaceRooms(roomStates), rooms,
                new DirectRooms(vertx, dataSource, clock, bot, roomStates), authority, memberPolicies, policies,
                budgets, audit,
                callers, replies, commands, prompts, schedule, new H2Compaction(dataSource, COMPACTION_TIME));
    }

    /** The database, with every module's tables brought up to date. Blocking: on a worker. */
    private static HikariDataSource openDatabase(StewardConfig config, List<AutoCloseable> opened) throws Exception {
        Files.createDirectories(config.dataDir());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(H2Files.url(config.databaseFile()));
        hikari.setUsername("steward");
        hikari.setPassword("");
        hikari.setMaximumPoolSize(8);
        hikari.setPoolName("steward-h2");
        HikariDataSource dataSource = new HikariDataSource(hikari);
        opened.add(dataSource);
        SafetySchema.migrate(dataSource);
        BotSchema.migrate(dataSource);
        CommandsSchema.migrate(dataSource);
        return dataSource;
    }

    private static Future<RunningSteward> listen(Assembled assembled, AppserviceTokens tokens) {
        Services services = assembled.services();
        StewardConfig config = services.config();
        Vertx vertx = services.vertx();
        Router router = Router.router(vertx);
        new AppserviceApi(vertx, tokens.hsToken(), services.inbox(), wakeOnStore(services.metrics(),
                assembled.pipeline(), services.probe()), config.appservice().maxBodyBytes(),
                config.botUserId()::equals,
                assembled.e2ee().map(EndToEndEncryption::extensions).orElse(ExtensionHandler.NONE)).mount(router);
        new OperatorEndpoints(vertx, services.inbox(), services.bot().withRetry(RetryPolicy.PROBE),
                services.registry()).mount(router);
        new BackupEndpoint(vertx, config, services.dataSource(), assembled.memory(), tokens.hsToken()).mount(router);
        assembled.features().forEach(feature -> feature.mount(router));
        router.route().last().handler(ctx -> MatrixError.UNRECOGNIZED.write(ctx.response()));

        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.appservice().bindAddress()).setPort(config.appservice().port()));
        return server.requestHandler(router).listen().map(listening -> {
            log.info("Steward {} listening on {}:{} as {}", Version.get(), config.appservice().bindAddress(),
                    listening.actualPort(), config.botUserId());
            if (config.pipeline().paused()) {
                log.warn("pipeline.paused is on: events are stored but not handled until it is turned off");
            }
            assembled.pipeline().wake();
            assembled.e2ee().ifPresent(unit -> unit.publish(config.bot().displayName(), services.replies(),
                    assembled.pipeline()::redeliver));
            announce(services.bot(), config);
            assembled.features().forEach(Feature::started);
            long housekeeping = vertx.setPeriodic(Duration.ofHours(1).toMillis(),
                    id -> vertx.executeBlocking(() -> housekeeping(services, assembled.features()), false)
                            .onFailure(e -> log.warn("hourly housekeeping failed: {}", e.toString())));
            return new RunningSteward(services, listening, assembled.pipeline(), assembled.features(), housekeeping,
                    assembled.e2ee());
        });
    }

    private static Void housekeeping(Services services, List<Feature> features) {
        services.inbox().prune(services.clock().instant().minus(INBOX_RETENTION));
        features.forEach(feature -> feature.hourly().forEach(Runnable::run));
        services.compaction().runIfDue();
        return null;
    }

    static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable closeable : opened) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
            }
        }
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
