package dev.steward.commands.remember;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.prompts.ConfirmationKind;
import dev.steward.commands.prompts.Prompt;
import dev.steward.commands.prompts.PromptKind;
import dev.steward.commands.prompts.PromptRegistry;
import dev.steward.commands.UserFacingException;
import dev.steward.memory.Hit;
import dev.steward.memory.Memory;
import dev.steward.safety.authority.Power;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code !forget <id>} forgets one memory of this room: one's own, or anyone's with {@code room.forget} here;
 * {@code !forget <query>} lists the matches the member may forget and forgets them once the member reacts ✅ on the
 * list.
 */
public final class ForgetCommand {
    static final String KIND = "memory.forget";
    private static final int MATCHES = 5;

    private final RoomMemory memory;
    private final PromptRegistry prompts;

    private ForgetCommand(RoomMemory memory, PromptRegistry prompts) {
        this.memory = memory;
        this.prompts = prompts;
    }

    public static CommandSpec spec(RoomMemory memory, PromptRegistry prompts) {
        return CommandSpec.of("forget", "forget <id> | forget <query>",
                "deletes one memory by its id, or the matches of a search once you confirm",
                new ForgetCommand(memory, prompts)::handle);
    }

    /** The confirmation {@code !forget <query>} waits for: the memories listed, forgotten once the asker says ✅. */
    public static PromptKind confirmation(RoomMemory memory) {
        return new ConfirmationKind() {
            @Override
            public String name() {
                return KIND;
            }

            @Override
            protected Future<String> act(Prompt prompt) {
                List<Long> ids = prompt.subject().getJsonArray("ids").stream().map(id -> ((Number) id).longValue())
                        .toList();
                return memory.forget(ids).map(MemoryStrings::forgotten);
            }
        };
    }

    private Future<Void> handle(CommandContext context) {
        String argument = context.arguments().strip();
        if (argument.isEmpty()) {
            throw new BadArgumentsException("Say which memory (its #id) or what to look for.");
        }
        String id = argument.startsWith("#") ? argument.substring(1) : argument;
        if (id.matches("\\d{1,18}")) {
            return forgetOne(context, Long.parseLong(id));
        }
        boolean anyones = context.may(Power.ROOM_FORGET);
        return memory.recall(context.event(), argument, MATCHES)
                .map(hits -> hits.stream().map(Hit::memory)
                        .filter(found -> found.room().equals(context.event().roomId()))
                        .filter(found -> anyones || found.author().equals(context.event().sender()))
                        .toList())
                .compose(mine -> mine.isEmpty() ? context.reply(MemoryStrings.NOTHING_FOUND).mapEmpty()
                        : ask(context, mine));
    }

    private Future<Void> forgetOne(CommandContext context, long id) {
        return memory.find(context.event().roomId(), id).compose(found -> {
            if (found.isEmpty() || !found.get().room().equals(context.event().roomId())) {
                return Future.failedFuture(new UserFacingException(MemoryStrings.NO_SUCH_MEMORY.formatted(id)));
            }
            Memory target = found.get();
            Future<Void> allowed = target.author().equals(context.event().sender()) ? Future.succeededFuture()
                    : context.require(Power.ROOM_FORGET, "forget another member's memory");
            return allowed.compose(ok -> memory.forget(List.of(id)))
                    .compose(gone -> context.reply(MemoryStrings.forgotten(gone)))
                    .mapEmpty();
        });
    }

    private Future<Void> ask(CommandContext context, List<Memory> matches) {
        List<Long> ids = matches.stream().map(Memory::id).toList();
        JsonObject subject = new JsonObject().put("ids", new JsonArray(ids));
        return memory.reachOf(matches)
                .compose(reach -> context.reaching(reach).reply("confirm", MemoryStrings.confirmForget(matches)))
                .compose(posted -> prompts.open(posted, context.event(), KIND, subject,
                        Optional.of(ConfirmationKind.WITHIN), List.of(ConfirmationKind.CONFIRM)));
    }
}
