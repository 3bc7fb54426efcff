package dev.steward.commands.remember;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.memory.Hit;
import io.vertx.core.Future;

/** {@code !recall <query>}: the best matches in the memories this room may see, with dates and links. */
public final class RecallCommand {
    static final int SHOWN = 5;

    private final RoomMemory memory;

    private RecallCommand(RoomMemory memory) {
        this.memory = memory;
    }

    public static CommandSpec spec(RoomMemory memory) {
        return CommandSpec.of("recall", "recall <query>", "searches this room's memory, with links",
                new RecallCommand(memory)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        if (context.arguments().isBlank()) {
            throw new BadArgumentsException("Say what to look for after the command.");
        }
        return memory.recall(context.event(), context.arguments(), SHOWN)
                .compose(hits -> memory.reachOf(hits.stream().map(Hit::memory).toList())
                        .compose(reach -> context.reaching(reach).reply(hits.isEmpty() ? MemoryStrings.NOTHING_FOUND
                                : MemoryStrings.recalled(hits, context.event().roomId()))))
                .mapEmpty();
    }
}
