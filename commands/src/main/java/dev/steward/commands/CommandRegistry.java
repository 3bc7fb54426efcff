package dev.steward.commands;

import dev.steward.safety.authority.Authority;
import dev.steward.safety.authority.Permission;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands Steward knows. Rejects duplicate names at start; before a handler runs, checks the permission the
 * command (or the form typed) declares through {@link Authority}, then the member's policy; answers an unknown
 * command with the nearest known one, and a bad argument with the usage line. Every refusal is recorded.
 */
public final class CommandRegistry {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

    private final Authority authority;
    private final PolicyGate gate;
    private final RefusalLog refusals;
    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();
    private final List<CommandSpec> specs = new ArrayList<>();

    public CommandRegistry(Authority authority, PolicyGate gate, RefusalLog refusals) {
        this.authority = authority;
        this.gate = gate;
        this.refusals = refusals;
    }

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

    public String prefix() {
        return gate.prefix();
    }

    public Authority authority() {
        return authority;
    }

    /** Runs a command and answers it; the future tells how it ended and fails only if no answer could be sent. */
    public Future<Outcome> dispatch(Invocation invocation, Caller caller, RoomReplies replies) {
        CommandSpec spec = byName.get(invocation.name());
        if (spec == null) {
            return unknown(invocation, replies);
        }
        CommandContext context = new CommandContext(invocation, spec, caller, replies.reaching(caller.reach()), this);
        return refusal(spec, invocation, caller).compose(refused -> refused
                .map(refusal -> context.reply(refusal.purpose(), refusal.text()).map(refusal.outcome()))
                .orElseGet(() -> run(context)));
    }

    /**
     * The checks a command gets, for a request that arrives without one (a mention asks as {@code !ask} would):
     * empty when it may go ahead, otherwise the recorded refusal's text.
     */
    public Future<Optional<String>> admit(Invocation asIf, Caller caller) {
        CommandSpec spec = byName.get(asIf.name());
        if (spec == null) {
            return Future.failedFuture(new IllegalArgumentException("no command " + asIf.name()));
        }
        return refusal(spec, asIf, caller).map(refused -> refused.map(Refused::text));
    }

    private record Refused(String purpose, String text, Outcome outcome) {}

    private Future<Optional<Refused>> refusal(CommandSpec spec, Invocation invocation, Caller caller) {
        Permission needed = permissionFor(spec, invocation, caller);
        String what = "command " + gate.prefix() + spec.name();
        if (!authority.may(caller.actor(), needed)) {
            return refusals.refused(caller, Authority.ruleName(needed), what).map(recorded -> Optional.of(
                    new Refused("denied", authority.refusal(needed), Outcome.DENIED)));
        }
        if (spec.availability() == CommandSpec.Availability.ALWAYS) {
            return Future.succeededFuture(Optional.empty());
        }
        return gate.check(caller.policy(), spec.name())
                .map(refusal -> refusals.refused(caller, refusal.rule(), what).map(recorded -> Optional.of(
                        new Refused("policy-refusal", refusal.text(), Outcome.REFUSED))))
                .orElseGet(() -> Future.succeededFuture(Optional.empty()));
    }

    /** The permission of the first form the arguments match, else the command's own. */
    static Permission permissionFor(CommandSpec spec, Invocation invocation, Caller caller) {
        List<String> words = words(invocation.arguments());
        return spec.subcommands().stream().filter(form -> form.match().matches(words, caller.member()))
                .findFirst().map(Subcommand::permission).orElse(spec.permission());
    }

    static List<String> words(String arguments) {
        return Arrays.stream(arguments.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    /** Whether {@code !help} shows the command to this member here. */
    public boolean lists(CommandSpec spec, Caller caller) {
        return authority.may(caller.actor(), spec.permission()) && gate.lists(caller.policy(), spec);
    }

    /** The forms of a listed command this member may use here. */
    public List<Subcommand> formsFor(CommandSpec spec, Caller caller) {
        return spec.subcommands().stream().filter(form -> authority.may(caller.actor(), form.permission())).toList();
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
            String text = CommandStrings.usage(gate.prefix(), context.spec(), formsFor(context.spec(),
                    context.caller()), bad.getMessage());
            return context.reply("usage", text).map(Outcome.BAD_ARGUMENTS);
        }
        if (error instanceof PermissionDeniedException denied) {
            return context.reply("denied", denied.getMessage()).map(Outcome.DENIED);
        }
        if (error instanceof UserFacingException refused) {
            return context.reply("refused", refused.getMessage()).map(Outcome.REFUSED);
        }
        log.error("command {} failed in {} for event {}", context.spec().name(), context.event().roomId(),
                context.event().eventId(), error);
        return context.reply("failed", CommandStrings.FAILED).map(Outcome.FAILED);
    }

    private Future<Outcome> unknown(Invocation invocation, RoomReplies replies) {
        String prefix = gate.prefix();
        String text = Suggestions.nearest(invocation.name(), byName.keySet())
                .map(suggestion -> CommandStrings.unknownWithSuggestion(prefix, invocation.name(), suggestion))
                .orElseGet(() -> CommandStrings.unknown(prefix, invocation.name()));
        return replies.notice(invocation.event(), "unknown-command", text).map(Outcome.UNKNOWN);
    }

    /** Records a refusal that a handler found (a permission that depends on what the command is about). */
    Future<Void> recordRefusal(Caller caller, Permission needed, String what) {
        return refusals.refused(caller, Authority.ruleName(needed), what);
    }
}
