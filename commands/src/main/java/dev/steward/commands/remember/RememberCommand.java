package dev.steward.commands.remember;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import io.vertx.core.Future;

/** {@code !remember <text>}: stores a memory in this room, linked to the message, and answers with its id. */
public final class RememberCommand {
    private final RoomMemory memory;

    private RememberCommand(RoomMemory memory) {
        this.memory = memory;
    }

    public static CommandSpec spec(RoomMemory memory) {
        return CommandSpec.of("remember", "remember <text>", "keeps something in this room's memory",
                new RememberCommand(memory)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        if (context.arguments().isBlank()) {
            throw new BadArgumentsException("Say what to remember after the command.");
        }
        return memory.remember(context.caller(), context.event(), context.arguments())
                .map(done -> MemoryStrings.remembered(done.memory(), done.piiNote()))
                .compose(context::reply)
                .mapEmpty();
    }
}
