package dev.steward.commands.ask;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.Subcommand;
import dev.steward.safety.authority.Permission;
import dev.steward.safety.authority.Power;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code !model [name|default]} and {@code !private [on|off]}: the room's default model and whether the room is
 * private (every request in it stays on local models). Anyone may see them; changing them is a power over the room
 * ({@code room.model}, {@code room.privacy}).
 */
public final class RoomModelCommands {
    private final ModelCatalog catalog;

    private RoomModelCommands(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public static CommandSpec model(ModelCatalog catalog) {
        return CommandSpec.of("model", "model", "this room's default model", new RoomModelCommands(catalog)::handleModel)
                .always().withSubcommands(new Subcommand("model <name | default>",
                        "set this room's default model, or go back to the configured one",
                        Permission.of(Power.ROOM_MODEL), (words, sender) -> !words.isEmpty()));
    }

    public static CommandSpec privacy(ModelCatalog catalog) {
        return CommandSpec.of("private", "private", "whether this room is private (everything stays on local models)",
                new RoomModelCommands(catalog)::handlePrivate).always().withSubcommands(new Subcommand(
                        "private on | off", "make this room private, or not", Permission.of(Power.ROOM_PRIVACY),
                        (words, sender) -> !words.isEmpty()));
    }

    private Future<Void> handleModel(CommandContext context) {
        String argument = context.arguments().strip();
        if (argument.isEmpty()) {
            return catalog.listing(context.caller(), context.event(), ModelsCommand.DEFAULT_SAMPLE)
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
        return catalog.setRoomDefault(context.event().roomId(), context.event().sender(), model)
                .map(done -> model.map(name -> "This room's default model is now " + name
                        + ". Members who may not use it keep their own route.")
                        .orElse("This room uses the configured default model again."))
                .compose(context::reply).mapEmpty();
    }

    private Future<Void> handlePrivate(CommandContext context) {
        String argument = context.arguments().strip().toLowerCase(Locale.ROOT);
        if (argument.isEmpty()) {
            return catalog.listing(context.caller(), context.event(), ModelsCommand.DEFAULT_SAMPLE)
                    .map(listing -> listing.privateRoom()
                            ? "This room is private: every request stays on local models, and its memories are"
                                    + " never shared."
                            : "This room is not private. Its admins can make it private with " + context.prefix()
                                    + "private on.")
                    .compose(context::reply).mapEmpty();
        }
        if (!argument.equals("on") && !argument.equals("off")) {
            throw new BadArgumentsException("Say on or off.");
        }
        boolean on = argument.equals("on");
        return catalog.setPrivate(context.event().roomId(), context.event().sender(), on)
                .map(done -> on ? "This room is now private: every request stays on local models (🔒)."
                        : "This room is no longer private.")
                .compose(context::reply).mapEmpty();
    }
}
