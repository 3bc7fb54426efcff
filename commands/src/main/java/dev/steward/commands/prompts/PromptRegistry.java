package dev.steward.commands.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.steward.commands.Caller;
import dev.steward.commands.RefusalLog;
import dev.steward.commands.RoomReplies;
import dev.steward.commands.schedule.Schedule;
import dev.steward.commands.schedule.ScheduledJob;
import dev.steward.homeserver.Json;
import dev.steward.homeserver.event.MatrixEvent;
import dev.steward.homeserver.id.EventId;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Authority;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counterpart of the command registry for reactions: the messages Steward posted that expect reactions, and the
 * one path every reaction takes. A reaction on a message that is not a stored prompt is ignored; one whose event was
 * seen before is dropped; its sender's eligibility is judged through {@link Authority} when it is cast; it is stored
 * (counted or not); only then does the prompt's kind see it, and the kind commits its decision before any effect.
 * A redacted reaction is withdrawn. Expiries go through the durable {@link Schedule}.
 */
public final class PromptRegistry {
    public static final String EXPIRE_JOB = "prompt.expire";

    /** Reads who reacted, as the pipeline reads any sender: their power level in the room and their policy. */
    @FunctionalInterface
    public interface Reactors {
        Future<Caller> of(RoomId room, UserId member);
    }

    private final Vertx vertx;
    private final PromptStore store;
    private final Schedule schedule;
    private final Authority authority;
    private final RefusalLog refusals;
    private final Reactors reactors;
    private final RoomReplies replies;
    private final Clock clock;
    private final PromptActions actions;
    private final Map<String, PromptKind> kinds = new ConcurrentHashMap<>();

    public PromptRegistry(Vertx vertx, PromptStore store, Schedule schedule, Authority authority, RefusalLog refusals,
            Reactors reactors, RoomReplies replies, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.schedule = schedule;
        this.authority = authority;
        this.refusals = refusals;
        this.reactors = reactors;
        this.replies = replies;
        this.clock = clock;
        this.actions = new PromptActions(vertx, store, replies, clock);
        schedule.register(new ScheduledJob() {
            @Override
            public String name() {
                return EXPIRE_JOB;
            }

            @Override
            public Future<Void> run(String subject) {
                return expire(EventId.of(subject));
            }
        });
    }

    public PromptRegistry register(PromptKind kind) {
        if (kinds.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("two prompt kinds are named '" + kind.name() + "'");
        }
        return this;
    }

    /**
     * Records that Steward's message {@code posted} (answering {@code request}) waits for reactions of {@code kind},
     * schedules its expiry, and reacts with {@code seeds} on it so that one tap answers. Safe to repeat: a prompt
     * stored before stays as it was, and the seeds are sent once.
     */
    public Future<Void> open(EventId posted, MatrixEvent request, String kind, JsonObject subject,
            Optional<Duration> expiresIn, List<String> seeds) {
        if (!kinds.containsKey(kind)) {
            return Future.failedFuture(new IllegalArgumentException("no prompt kind '" + kind + "'"));
        }
        Instant now = clock.instant();
        Optional<Instant> expires = expiresIn.map(now::plus);
        Prompt prompt = new Prompt(posted, request.roomId(), kind, subject, request.sender(), request, now, expires,
                Prompt.OPEN);
        Future<Void> stored = vertx.executeBlocking(() -> {
            store.insert(prompt);
            return null;
        }, false);
        return stored
                .compose(done -> expires.map(at -> schedule.at(EXPIRE_JOB, posted.value(), at))
                        .orElseGet(Future::succeededFuture))
                .compose(done -> seed(request, kind, posted, seeds, 0));
    }

    /**
     * Like {@link #open}, for a prompt no member asked for (an incident a webhook brought): Steward's own message is
     * its request, so replies thread on it, and its requester is Steward, whom no eligibility rule admits.
     */
    public Future<Void> openOwn(EventId posted, RoomId room, UserId steward, String kind, JsonObject subject,
            Optional<Duration> expiresIn, List<String> seeds) {
        JsonObject own = new JsonObject().put("event_id", posted.value()).put("room_id", room.value())
                .put("sender", steward.value()).put("type", "m.room.message")
                .put("origin_server_ts", clock.millis()).put("content", new JsonObject());
        MatrixEvent request;
        try {
            request = MatrixEvent.from(Json.MAPPER.readTree(own.encode()));
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        return open(posted, request, kind, subject, expiresIn, seeds);
    }

    private Future<Void> seed(MatrixEvent request, String kind, EventId posted, List<String> seeds, int index) {
        if (index == seeds.size()) {
            return Future.succeededFuture();
        }
        return replies.react(request, kind + ":seed:" + index, posted, seeds.get(index))
                .compose(sent -> seed(request, kind, posted, seeds, index + 1));
    }

    /** A reaction arrived; see the class comment for the path it takes. */
    public Future<Void> reacted(MatrixEvent reaction, EventId target, String key) {
        return blocking(() -> store.find(target).filter(prompt -> prompt.room().equals(reaction.roomId()))
                .filter(prompt -> !store.seen(reaction.eventId())))
                .compose(found -> found.isEmpty() ? Future.succeededFuture()
                        : judge(found.get(), reaction, key));
    }

    private Future<Void> judge(Prompt prompt, MatrixEvent reaction, String key) {
        PromptKind kind = kinds.get(prompt.kind());
        if (kind == null) {
            return Future.succeededFuture();
        }
        return reactors.of(reaction.roomId(), reaction.sender()).compose(reactor -> {
            Optional<String> refusedBy = refusal(kind.eligibility(prompt), prompt, reactor);
            PromptReaction stored = new PromptReaction(reaction.eventId(), prompt.event(), reaction.sender(), key,
                    clock.instant(), refusedBy.isEmpty());
            return blocking(() -> store.record(stored)).compose(isNew -> {
                if (!isNew || !kind.keys().contains(key)) {
                    return Future.succeededFuture();
                }
                if (refusedBy.isPresent()) {
                    return refusals.refused(reactor, refusedBy.get(), "reaction " + key + " on a " + kind.name()
                            + " prompt");
                }
                return answer(kind, prompt, stored);
            });
        });
    }

    private Future<Void> answer(PromptKind kind, Prompt prompt, PromptReaction reaction) {
        if (!prompt.isOpen()) {
            return kind.late(prompt, reaction, actions);
        }
        if (prompt.expiredAt(clock.instant())) {
            return expire(prompt.event()).compose(done -> kind.late(withState(prompt, Prompt.EXPIRED), reaction,
                    actions));
        }
        return kind.reacted(prompt, reaction, actions);
    }

    /** Which rule refuses this reactor, for the audit log; empty when they may answer. */
    private Optional<String> refusal(Eligibility eligibility, Prompt prompt, Caller reactor) {
        boolean isRequester = reactor.member().equals(prompt.requester());
        return switch (eligibility.requester()) {
            case ONLY -> isRequester ? permissionRefusal(eligibility, reactor) : Optional.of("requester only");
            case EXCLUDED -> isRequester ? Optional.of("own request") : permissionRefusal(eligibility, reactor);
            case ANY -> permissionRefusal(eligibility, reactor);
        };
    }

    private Optional<String> permissionRefusal(Eligibility eligibility, Caller reactor) {
        return authority.may(reactor.actor(), eligibility.permission()) ? Optional.empty()
                : Optional.of(Authority.ruleName(eligibility.permission()));
    }

    /** A reaction was redacted: it no longer counts, and an open prompt's kind is told. */
    public Future<Void> redacted(EventId redacted) {
        return blocking(() -> store.withdraw(redacted, clock.instant())
                .filter(PromptReaction::eligible)
                .flatMap(reaction -> store.find(reaction.prompt()).filter(Prompt::isOpen)
                        .map(prompt -> Map.entry(prompt, reaction))))
                .compose(found -> found.map(pair -> {
                    PromptKind kind = kinds.get(pair.getKey().kind());
                    return kind == null ? Future.<Void>succeededFuture()
                            : kind.withdrawn(pair.getKey(), pair.getValue(), actions);
                }).orElseGet(Future::succeededFuture));
    }

    /** Marks an open prompt expired and tells its kind; nothing when it was decided first. */
    private Future<Void> expire(EventId event) {
        return blocking(() -> store.find(event).filter(Prompt::isOpen)
                .filter(prompt -> store.decide(event, Prompt.EXPIRED, clock.instant())))
                .compose(expired -> expired.map(prompt -> {
                    PromptKind kind = kinds.get(prompt.kind());
                    return kind == null ? Future.<Void>succeededFuture()
                            : kind.expired(withState(prompt, Prompt.EXPIRED), actions);
                }).orElseGet(Future::succeededFuture));
    }

    private static Prompt withState(Prompt prompt, String state) {
        return new Prompt(prompt.event(), prompt.room(), prompt.kind(), prompt.subject(), prompt.requester(),
                prompt.request(), prompt.createdAt(), prompt.expiresAt(), state);
    }

    private <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
