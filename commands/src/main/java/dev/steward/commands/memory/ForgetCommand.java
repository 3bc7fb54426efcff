package dev.steward.commands.memory;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.Confirmations;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.memory.Hit;
import dev.steward.memory.Memory;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * {@code !forget <id>} forgets one memory (its author or an admin); {@code !forget <query>} lists the matches the
 * member may forget and forgets them once the member reacts ✅ on the list.
 */
public final class ForgetCommand {
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(10);
    private static final int MATCHES = 5;

    private final RoomMemory memory;
    private final MemberPolicies policies;
    private final Confirmations confirmations;

    private ForgetCommand(RoomMemory memory, MemberPolicies policies, Confirmations confirmations) {
        this.memory = memory;
        this.policies = policies;
        this.confirmations = confirmations;
    }

    public static CommandSpec spec(RoomMemory memory, MemberPolicies policies, Confirmations confirmations) {
        return CommandSpec.everyone("forget", "forget <id> | forget <query>",
                "deletes one memory by its id, or the matches of a search once you confirm",
                new ForgetCommand(memory, policies, confirmations)::handle);
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
        return policies.isAdmin(context.event().roomId(), context.event().sender())
                .compose(admin -> memory.recall(context.event(), argument, MATCHES)
                        .map(hits -> hits.stream().map(Hit::memory)
                                .filter(found -> found.room().equals(context.event().roomId()))
                                .filter(found -> admin || found.author().equals(context.event().sender()))
                                .toList()))
                .compose(mine -> mine.isEmpty() ? context.reply(MemoryStrings.NOTHING_FOUND).mapEmpty()
                        : ask(context, mine));
    }

    private Future<Void> forgetOne(CommandContext context, long id) {
        return memory.find(context.event().roomId(), id).compose(found -> {
            if (found.isEmpty() || !found.get().room().equals(context.event().roomId())) {
                return Future.failedFuture(new UserFacingException(MemoryStrings.NO_SUCH_MEMORY.formatted(id)));
            }
            Memory target = found.get();
            return mayForget(context, target)
                    .compose(allowed -> allowed ? memory.forget(List.of(id))
                            : Future.failedFuture(new UserFacingException(
                                    MemoryStrings.ONLY_AUTHOR_OR_ADMIN.formatted(id))))
                    .compose(gone -> context.reply(MemoryStrings.forgotten(gone)))
                    .mapEmpty();
        });
    }

    private Future<Boolean> mayForget(CommandContext context, Memory target) {
        return target.author().equals(context.event().sender()) ? Future.succeededFuture(true)
                : policies.isAdmin(context.event().roomId(), context.event().sender());
    }

    private Future<Void> ask(CommandContext context, List<Memory> matches) {
        List<Long> ids = matches.stream().map(Memory::id).toList();
        return context.reply("confirm", MemoryStrings.confirmForget(matches)).compose(prompt -> {
            confirmations.await(prompt, context.event(), CONFIRM_WITHIN,
                    () -> memory.forget(ids).map(MemoryStrings::forgotten));
            return context.replies().react(context.event(), "forget:confirm-seed", prompt, Confirmations.CONFIRM);
        }).mapEmpty();
    }
}
