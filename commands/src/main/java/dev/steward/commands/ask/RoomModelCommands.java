package dev.steward.commands.ask;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.policy.MemberPolicies;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code !model [name|default]} and {@code !private [on|off]}: the room's default model and whether the room is
 * private (every request in it stays on local models). Anyone may see them; only admins change them.
 */
public final class RoomModelCommands {
    static final String ONLY_ADMINS = "Only admins can change this room's settings.";

    private final ModelCatalog catalog;
    private final MemberPolicies policies;

    private RoomModelCommands(ModelCatalog catalog, MemberPolicies policies) {
        this.catalog = catalog;
        this.policies = policies;
    }

    public static CommandSpec model(ModelCatalog catalog, MemberPolicies policies) {
        return CommandSpec.everyone("model", "model [name | default]",
                "this room's default model; admins set it, or go back to the configured default",
                new RoomModelCommands(catalog, policies)::handleModel);
    }

    public static CommandSpec privacy(ModelCatalog catalog, MemberPolicies policies) {
        return CommandSpec.everyone("private", "private [on | off]",
                "whether this room is private (everything stays on local models); admins change it",
                new RoomModelCommands(catalog, policies)::handlePrivate);
    }

    private Future<Void> handleModel(CommandContext context) {
        String argument = context.arguments().strip();
        if (argument.isEmpty()) {
            return catalog.listing(context.event(), ModelsCommand.DEFAULT_SAMPLE)
                    .map(listing -> listing.roomDefault()
                            .map(name -> "This room's default model is " + name + ".")
                            .orElse("This room uses the configured default model."))
                    .compose(context::reply).mapEmpty();
        }
        Optional<String> model = argument.equalsIgnoreCase("default") ? Optional.empty() : Optional.of(argument);
        if (model.isPresent() && !catalog.configured().contains(model.get())) {
            throw new BadArgumentsException("There is no model " + model.get() + ". Configured models: "
                    + String.join(", ", catalog.configured()) + ".");
        }
        return asAdmin(context, () -> catalog.setRoomDefault(context.event().roomId(), context.event().sender(), model)
                .map(done -> model.map(name -> "This room's default model is now " + name
                        + ". Members who may not use it keep their own route.")
                        .orElse("This room uses the configured default model again.")));
    }

    private Future<Void> handlePrivate(CommandContext context) {
        String argument = context.arguments().strip().toLowerCase(Locale.ROOT);
        if (argument.isEmpty()) {
            return catalog.listing(context.event(), ModelsCommand.DEFAULT_SAMPLE)
                    .map(listing -> listing.privateRoom()
                            ? "This room is private: every request stays on local models, and its memories are"
                                    + " never shared."
                            : "This room is not private. Admins can make it private with !private on.")
                    .compose(context::reply).mapEmpty();
        }
        if (!argument.equals("on") && !argument.equals("off")) {
            throw new BadArgumentsException("Say on or off.");
        }
        boolean on = argument.equals("on");
        return asAdmin(context, () -> catalog.setPrivate(context.event().roomId(), context.event().sender(), on)
                .map(done -> on ? "This room is now private: every request stays on local models (🔒)."
                        : "This room is no longer private."));
    }

    private Future<Void> asAdmin(CommandContext context, Supplier<Future<String>> change) {
        return policies.isAdmin(context.event().roomId(), context.event().sender())
                .compose(admin -> admin ? change.get() : Future.failedFuture(new UserFacingException(ONLY_ADMINS)))
                .compose(context::reply)
                .mapEmpty();
    }
}
