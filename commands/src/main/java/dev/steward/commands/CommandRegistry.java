package dev.steward.commands;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands Steward knows. Rejects duplicate names at start, checks the power level before a handler runs,
 * answers an unknown command with the nearest known one, and a bad argument with the usage line.
 */
public final class CommandRegistry {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();
    private final List<CommandSpec> specs = new ArrayList<>();

    public CommandRegistry register(CommandSpec spec) {
        for (String name : names(spec)) {
            if (byName.containsKey(name)) {
                throw new IllegalStateException("two commands are named '" + name + "'");
            }
        }
        names(spec).forEach(name -> byName.put(name, spec));
        specs.add(spec);
        return this;
    }

    private static List<String> names(CommandSpec spec) {
        List<String> names = new ArrayList<>(spec.aliases());
        names.add(0, spec.name());
        return names;
    }

    public Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every command, in registration order. */
    public List<CommandSpec> all() {
        return Collections.unmodifiableList(specs);
    }

    /** Runs a command and answers it; the future tells how it ended and fails only if no answer could be sent. */
    public Future<Outcome> dispatch(Invocation invocation, RoomReplies replies, String prefix) {
        CommandSpec spec = byName.get(invocation.name());
        if (spec == null) {
            return unknown(invocation, replies, prefix);
        }
        CommandContext context = new CommandContext(invocation, spec, replies, prefix);
        return permitted(spec, invocation, replies).compose(allowed -> allowed
                ? run(context)
                : context.reply("denied", CommandStrings.denied(prefix, spec.name())).map(Outcome.DENIED));
    }

    private Future<Boolean> permitted(CommandSpec spec, Invocation invocation, RoomReplies replies) {
        if (spec.requiredPowerLevel() <= 0) {
            return Future.succeededFuture(true);
        }
        return replies.powerLevel(invocation.event().roomId(), invocation.event().sender())
                .map(level -> level >= spec.requiredPowerLevel());
    }

    private Future<Outcome> run(CommandContext context) {
        Future<Void> handled;
        try {
            handled = context.spec().handler().handle(context);
        } catch (RuntimeException e) {
            handled = Future.failedFuture(e);
        }
        return handled.map(Outcome.OK).recover(error -> answerFailure(context, error));
    }

    private Future<Outcome> answerFailure(CommandContext context, Throwable error) {
        if (error instanceof BadArgumentsException bad) {
            String text = CommandStrings.usage(context.prefix(), context.spec(), bad.getMessage());
            return context.reply("usage", text).map(Outcome.BAD_ARGUMENTS);
        }
        if (error instanceof UserFacingException refused) {
            return context.reply("refused", refused.getMessage()).map(Outcome.REFUSED);
        }
        log.error("command {} failed in {} for event {}", context.spec().name(), context.event().roomId(),
                context.event().eventId(), error);
        return context.reply("failed", CommandStrings.FAILED).map(Outcome.FAILED);
    }

    private Future<Outcome> unknown(Invocation invocation, RoomReplies replies, String prefix) {
        String text = Suggestions.nearest(invocation.name(), byName.keySet())
                .map(suggestion -> CommandStrings.unknownWithSuggestion(prefix, invocation.name(), suggestion))
                .orElseGet(() -> CommandStrings.unknown(prefix, invocation.name()));
        return replies.notice(invocation.event(), "unknown-command", text).map(Outcome.UNKNOWN);
    }
}
