package dev.steward.commands.memory;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.Confirmations;
import dev.steward.commands.UserFacingException;
import dev.steward.commands.policy.MemberPolicies;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.memory.RoomSettings;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code !memory}: what this room remembers and its settings. Admins change the settings
 * ({@code !memory capture|answers|share on|off}). {@code !memory export @user} posts a member's memories as a file and
 * {@code !memory erase @user} erases them once the asker confirms with a reaction: members do it for themselves in
 * every room, admins for others in this room.
 */
public final class MemoryCommand {
    private final RoomMemory memory;
    private final MemberPolicies policies;
    private final Confirmations confirmations;

    private MemoryCommand(RoomMemory memory, MemberPolicies policies, Confirmations confirmations) {
        this.memory = memory;
        this.policies = policies;
        this.confirmations = confirmations;
    }

    public static CommandSpec spec(RoomMemory memory, MemberPolicies policies, Confirmations confirmations) {
        return CommandSpec.everyone("memory",
                "memory | memory capture|answers|share on|off | memory export @user | memory erase @user",
                "what this room remembers; admins change what is kept, export or erase a member's memories",
                new MemoryCommand(memory, policies, confirmations)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        List<String> words = Arrays.stream(context.arguments().strip().split("\\s+"))
                .filter(word -> !word.isEmpty()).toList();
        RoomId room = context.event().roomId();
        if (words.isEmpty()) {
            return Future.all(memory.counts(room), memory.settings(room))
                    .map(both -> MemoryStrings.counts(both.resultAt(0), both.resultAt(1)))
                    .compose(context::reply).mapEmpty();
        }
        if (words.size() != 2) {
            throw new BadArgumentsException("I did not understand that.");
        }
        String verb = words.get(0).toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "capture", "answers", "share" -> asAdmin(context, () -> setting(room, verb, onOff(words.get(1))));
            case "export" -> forMember(context, member(words.get(1)), where -> export(context, member(words.get(1)),
                    where));
            case "erase" -> forMember(context, member(words.get(1)), where -> askToErase(context,
                    member(words.get(1)), where));
            default -> throw new BadArgumentsException("I know capture, answers, share, export and erase.");
        };
    }

    private Future<String> setting(RoomId room, String which, boolean on) {
        return memory.settings(room).compose(current -> memory.changeSettings(room, switch (which) {
            case "capture" -> current.withCapture(on);
            case "answers" -> current.withCaptureAnswers(on);
            default -> current.withShareWithSpace(on);
        })).map(now -> settingChanged(which, on));
    }

    private static String settingChanged(String which, boolean on) {
        return switch (which) {
            case "capture" -> on ? "From now on I remember this room's messages (not commands)."
                    : "I no longer remember this room's messages; !remember still works.";
            case "answers" -> on ? "From now on I remember my answers in this room." : "I no longer remember my answers here.";
            default -> on ? "New memories of this room can be found from the other rooms of its space (never from a"
                    + " private room)." : "New memories of this room stay in this room.";
        };
    }

    /**
     * Members export and erase their own memories everywhere; an admin does it for others in this room only, since
     * being an admin of one room says nothing about the others.
     */
    private Future<Void> forMember(CommandContext context, UserId member,
            java.util.function.Function<Optional<RoomId>, Future<String>> action) {
        if (member.equals(context.event().sender())) {
            return action.apply(Optional.empty())
                    .compose(text -> text == null ? Future.succeededFuture() : context.reply(text).mapEmpty());
        }
        return asAdmin(context, () -> action.apply(Optional.of(context.event().roomId())));
    }

    private static String where(Optional<RoomId> room) {
        return room.isPresent() ? "in this room" : "in every room";
    }

    private Future<String> export(CommandContext context, UserId member, Optional<RoomId> room) {
        return memory.byAuthor(member, room).compose(memories -> memory.postFile(context.event(),
                "memories-" + member.localpart() + ".json", "application/json", MemoryExport.json(member, memories))
                .map(posted -> "Exported " + memories.size() + (memories.size() == 1 ? " memory" : " memories")
                        + " of " + member.value() + " " + where(room) + " (the file above)."));
    }

    private Future<String> askToErase(CommandContext context, UserId member, Optional<RoomId> room) {
        return memory.byAuthor(member, room).compose(memories -> {
            if (memories.isEmpty()) {
                return Future.succeededFuture("There are no memories of " + member.value() + " " + where(room) + ".");
            }
            String prompt = "React with ✅ within 10 minutes to erase " + memories.size() + " memories of "
                    + member.value() + " " + where(room) + ". This cannot be undone; !memory export first keeps a copy.";
            return context.reply("confirm", prompt).compose(posted -> {
                confirmations.await(posted, context.event(), ForgetCommand.CONFIRM_WITHIN,
                        () -> memory.erase(member, room).map(count -> "Erased " + count + " memories of "
                                + member.value() + " " + where(room) + "."));
                return context.replies().react(context.event(), "memory:confirm-seed", posted, Confirmations.CONFIRM);
            }).map((String) null);
        });
    }

    private Future<Void> asAdmin(CommandContext context, Supplier<Future<String>> action) {
        return policies.isAdmin(context.event().roomId(), context.event().sender())
                .compose(admin -> admin ? action.get()
                        : Future.failedFuture(new UserFacingException(MemoryStrings.ONLY_ADMINS)))
                .compose(text -> text == null ? Future.succeededFuture() : context.reply(text).mapEmpty());
    }

    private static boolean onOff(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new BadArgumentsException("Say on or off.");
        };
    }

    private static UserId member(String text) {
        try {
            return UserId.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException("'" + text + "' is not a Matrix user id such as @alice:example.org.");
        }
    }
}
