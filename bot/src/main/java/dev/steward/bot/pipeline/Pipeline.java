package dev.steward.bot.pipeline;

import dev.steward.bot.H2Compaction;
import dev.steward.bot.StewardMetrics;
import dev.steward.bot.crypto.EventOpener;
import dev.steward.bot.crypto.Opened;
import dev.steward.bot.feature.RoomEvents;
import dev.steward.bot.rooms.RoomStates;
import dev.steward.bot.safety.Callers;
import dev.steward.commands.CommandRegistry;
import dev.steward.commands.Invocation;
import dev.steward.commands.RoomReplies;
import dev.steward.commands.prompts.PromptRegistry;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.inbox.Inbox;
import dev.steward.homeserver.inbox.InboxEntry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from the inbox and handles each once: route, handler, mark handled. Events of one room are handled
 * in order; rooms proceed independently. A failure is logged with the event's ids and retried later, up to the
 * configured attempts. All state is touched on the event loop only; the inbox is read and written on workers.
 *
 * <p>The pipeline owns what every event needs whatever feature handles it: reading its sender once
 * ({@link Callers}), commands through the {@link CommandRegistry}, reactions and their withdrawal through the
 * {@link PromptRegistry}, Steward's own membership, and the features' {@link RoomEvents} hooks, which it calls in
 * order without knowing what they are.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final int BATCH = 200;
    private static final long RETRY_DELAY_MS = 2_000;

    /** What handling an event needs besides the inbox: the shared parts, and the features' hooks. */
    public record Handlers(EventRouter router, Callers callers, CommandRegistry commands, PromptRegistry prompts,
            MembershipHandler membership, RoomReplies replies, RoomStates roomStates, H2Compaction compaction,
            List<RoomEvents> features) {}

    private final Vertx vertx;
    private final Context context;
    private final Inbox inbox;
    private final Handlers handlers;
    private final StewardMetrics metrics;
    private final int maxAttempts;
    private final boolean paused;

    private final Map<RoomId, Future<Void>> roomTails = new HashMap<>();
    private EventOpener opener = EventOpener.PLAIN;
    private long dispatchedUpTo;
    private boolean draining;
    private boolean wakeAgain;
    private boolean closed;

    public Pipeline(Vertx vertx, Inbox inbox, Handlers handlers, StewardMetrics metrics, int maxAttempts,
            boolean paused) {
        this.vertx = vertx;
        // One context for all pipeline state: wake() may come from any thread, and this keeps it single-threaded.
        this.context = vertx.getOrCreateContext();
        this.inbox = inbox;
        this.handlers = handlers;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.paused = paused;
    }

    /**
     * E2EE hook: events are opened (decrypted) by {@code opener} before the router sees them. Set before
     * {@link #wake()}.
     */
    public void openWith(EventOpener opener) {
        this.opener = opener;
    }

    /**
     * E2EE hook: an event that waited for its room key is handled now, after the room's events under way. It is
     * still in the inbox, marked handled; handling it again is idempotent like any retry. Safe from any thread.
     */
    public void redeliver(MatrixEvent event) {
        context.runOnContext(ignored -> {
            if (!closed) {
                enqueue(event);
            }
        });
    }

    /** New events are in the inbox (or Steward just started): handle whatever waits. Safe from any thread. */
    public void wake() {
        context.runOnContext(ignored -> drain());
    }

    /**
     * Takes no new events and completes once the events under way are done (or after the grace period), so the
     * database can close under no one. Events not started stay in the inbox for the next start.
     */
    public Future<Void> close(Duration grace) {
        Promise<Void> idle = Promise.promise();
        context.runOnContext(ignored -> {
            closed = true;
            Future.join(List.copyOf(roomTails.values())).onComplete(done -> idle.tryComplete());
            vertx.setTimer(grace.toMillis(), id -> idle.tryComplete());
        });
        return idle.future();
    }

    private void drain() {
        if (closed) {
            return;
        }
        if (paused) {
            refreshDepth();
            return;
        }
        if (draining) {
            wakeAgain = true;
            return;
        }
        draining = true;
        long after = dispatchedUpTo;
        vertx.executeBlocking(() -> inbox.pending(after, BATCH), false)
                .onSuccess(this::dispatchAll)
                .onFailure(e -> log.error("reading the inbox failed; will try again on the next event", e))
                .onComplete(done -> {
                    draining = false;
                    boolean full = done.succeeded() && done.result().size() == BATCH;
                    if (full || wakeAgain) {
                        wakeAgain = false;
                        drain();
                    } else {
                        refreshDepth();
                    }
                });
    }

    private void dispatchAll(List<InboxEntry> entries) {
        for (InboxEntry entry : entries) {
            dispatchedUpTo = Math.max(dispatchedUpTo, entry.seq());
            enqueue(entry.event());
        }
    }

    private void enqueue(MatrixEvent event) {
        RoomId room = event.roomId();
        Future<Void> tail = roomTails.getOrDefault(room, Future.succeededFuture());
        Future<Void> next = tail.eventually(() -> process(event));
        roomTails.put(room, next);
        next.onComplete(done -> roomTails.remove(room, next));
    }

    private Future<Void> process(MatrixEvent stored) {
        if (closed) {
            return Future.succeededFuture();
        }
        long started = System.nanoTime();
        if (stored.isState()) {
            // Whatever was kept of the room's state (power levels, members, spaces) counts no more.
            handlers.roomStates().changed(stored.roomId());
        }
        return opener.open(stored).transform(opening -> opening.succeeded()
                ? processOpened(stored, opening.result(), started)
                : failed(stored, new Route.Ignore("not opened"), opening.cause()));
    }

    private Future<Void> processOpened(MatrixEvent stored, Opened opened, long started) {
        MatrixEvent event = opened instanceof Opened.Readable readable ? readable.event() : stored;
        Route route = switch (opened) {
            case Opened.Readable readable -> handlers.router().route(readable.event());
            case Opened.Waiting waiting -> new Route.Ignore("waiting for its room key");
            case Opened.Unreadable unreadable -> new Route.Ignore("cannot be decrypted: " + unreadable.reason());
        };
        return handle(route)
                .compose(ignored -> vertx.executeBlocking(() -> {
                    inbox.markHandled(event.eventId());
                    return null;
                }, false))
                .<Void>mapEmpty()
                .onSuccess(ignored -> {
                    metrics.eventHandled(route.name(), true);
                    // The stored type: a decrypted event's own type is part of what was encrypted.
                    log.info("handled {} {} in {} from {}: {} in {} ms", stored.type(), event.eventId(),
                            event.roomId(), event.sender(), describe(route), (System.nanoTime() - started) / 1_000_000);
                })
                .recover(error -> failed(stored, route, error));
    }

    private Future<Void> handle(Route route) {
        return switch (route) {
            case Route.Ignore ignore -> Future.succeededFuture();
            case Route.Command command -> command(command.invocation());
            case Route.Invite invite -> handlers.membership().invited(invite.room(), invite.inviter(),
                    invite.direct());
            case Route.Joined joined -> handlers.membership().joined(joined.event(), joined.firstJoin())
                    .compose(done -> each(hooks -> hooks.joined(joined.event(), joined.firstJoin())));
            case Route.Left left -> each(hooks -> hooks.left(left.room()));
            case Route.Chat message -> handlers.callers().of(message.event().roomId(), message.event().sender())
                    .compose(caller -> each(hooks -> hooks.message(message.event(), message.trigger(), caller)));
            case Route.Redaction redaction -> vertx.executeBlocking(() -> {
                // The redacted message's words leave the inbox too, whoever handles the rest.
                inbox.eraseContent(redaction.redacted());
                handlers.compaction().forgotten();
                return null;
            }, false)
                    .compose(erased -> handlers.prompts().redacted(redaction.redacted()))
                    .compose(done -> each(hooks -> hooks.redacted(redaction.event(), redaction.redacted())));
            case Route.Reaction reaction -> handlers.prompts().reacted(reaction.event(), reaction.target(),
                    reaction.key());
        };
    }

    /** Every feature's hook, one after another in assembly order. */
    private Future<Void> each(Function<RoomEvents, Future<Void>> hook) {
        Future<Void> chain = Future.succeededFuture();
        for (RoomEvents features : handlers.features()) {
            chain = chain.compose(done -> hook.apply(features));
        }
        return chain;
    }

    /** The sender read once; the registry checks the permission and the policy, then runs the command. */
    private Future<Void> command(Invocation invocation) {
        return handlers.callers().of(invocation.event().roomId(), invocation.event().sender())
                .compose(caller -> handlers.commands().dispatch(invocation, caller, handlers.replies()))
                .onSuccess(outcome -> metrics.command(invocation.name(), outcome))
                .mapEmpty();
    }

    /**
     * Records a failure. While attempts remain, the event is tried again after a pause inside its room's chain, so
     * later events of the room wait for it and room order holds.
     */
    private Future<Void> failed(MatrixEvent event, Route route, Throwable error) {
        metrics.eventHandled(route.name(), false);
        log.warn("handling {} {} in {} from {} failed: {}", event.type(), event.eventId(), event.roomId(),
                event.sender(), error.toString());
        return vertx.executeBlocking(() -> inbox.markFailed(event.eventId(), error.toString(), maxAttempts), false)
                .recover(e -> {
                    log.error("recording the failure of {} failed", event.eventId(), e);
                    return Future.succeededFuture(false);
                })
                .compose(again -> {
                    if (!again) {
                        log.error("giving up on {} in {} after {} attempts", event.eventId(), event.roomId(),
                                maxAttempts);
                        return Future.succeededFuture();
                    }
                    return vertx.timer(RETRY_DELAY_MS).compose(ignored -> process(event));
                });
    }

    private String describe(Route route) {
        return switch (route) {
            case Route.Ignore ignore -> "ignored (" + ignore.reason() + ")";
            // Only known names: an unknown "command" is a piece of a message body, which is not logged.
            case Route.Command command -> handlers.commands().find(command.invocation().name()).isPresent()
                    ? "command " + command.invocation().name() : "unknown command";
            default -> route.name();
        };
    }

    private void refreshDepth() {
        vertx.executeBlocking(inbox::pendingCount, false)
                .onSuccess(metrics::inboxPending)
                .onFailure(e -> log.warn("counting the inbox failed: {}", e.toString()));
    }
}
