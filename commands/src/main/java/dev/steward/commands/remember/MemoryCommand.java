package dev.steward.commands.remember;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.Subcommand;
import dev.steward.commands.prompts.ConfirmationKind;
import dev.steward.commands.prompts.Prompt;
import dev.steward.commands.prompts.PromptKind;
import dev.steward.commands.prompts.PromptRegistry;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.memory.MemorySettings;
import dev.steward.safety.authority.Permission;
import dev.steward.safety.authority.Power;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code !memory}: what this room remembers and its settings, which those with {@code room.memory} change
 * ({@code !memory capture|answers|share on|off}). {@code !memory export @user} sends a member's memories as a file
 * into a direct chat with the asker, and {@code !memory erase @user} erases them everywhere once the asker confirms
 * with a reaction: members do it for themselves, {@code memory.members} for others.
 */
public final class MemoryCommand {
    static final String ERASE_KIND = "memory.erase";
    private static final Set<String> SETTINGS = Set.of("capture", "answers", "share");

    private final RoomMemory memory;
    private final PromptRegistry prompts;

    private MemoryCommand(RoomMemory memory, PromptRegistry prompts) {
        this.memory = memory;
        this.prompts = prompts;
    }

    /** The confirmation {@code !memory erase} waits for: the member's memories, erased once the asker says ✅. */
    public static PromptKind eraseConfirmation(RoomMemory memory) {
        return new ConfirmationKind() {
            @Override
            public String name() {
                return ERASE_KIND;
            }

            @Override
            protected Future<String> act(Prompt prompt) {
                UserId member = UserId.of(prompt.subject().getString("member"));
                return memory.erase(member).map(count -> "Erased " + count + " memories of " + member.value()
                        + " in every room.");
            }
        };
    }

    public static CommandSpec spec(RoomMemory memory, PromptRegistry prompts) {
        Permission others = Permission.of(Power.MEMORY_MEMBERS);
        return CommandSpec.of("memory", "memory", "what this room remembers and what it keeps",
                new MemoryCommand(memory, prompts)::handle).always().withSubcommands(
                        new Subcommand("memory capture|answers|share on|off",
                                "keep this room's messages, keep my answers, share with the space",
                                Permission.of(Power.ROOM_MEMORY), (words, sender) -> !words.isEmpty()
                                        && SETTINGS.contains(words.get(0).toLowerCase(Locale.ROOT))),
                        aboutOthers("export", "memory export @user", "send another member's memories to you", others),
                        aboutOthers("erase", "memory erase @user", "erase another member's memories", others),
                        Subcommand.word("export", "memory export @me", "send your memories to you as a file",
                                Permission.EVERYONE),
                        Subcommand.word("erase", "memory erase @me", "erase your memories everywhere",
                                Permission.EVERYONE));
    }

    private static Subcommand aboutOthers(String verb, String usage, String help, Permission permission) {
        Subcommand others = Subcommand.aboutOthers(1, usage, help, permission);
        return new Subcommand(usage, help, permission, (words, sender) -> !words.isEmpty()
                && words.get(0).toLowerCase(Locale.ROOT).equals(verb) && others.match().matches(words, sender));
    }

    private Future<Void> handle(CommandContext context) {
        List<String> words = List.of(context.arguments().strip().split("\\s+")).stream()
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
        Future<String> answer = switch (verb) {
            case "capture", "answers", "share" -> setting(room, verb, onOff(words.get(1)));
            case "export" -> export(context, member(words.get(1)));
            case "erase" -> askToErase(context, member(words.get(1)));
            default -> throw new BadArgumentsException("I know capture, answers, share, export and erase.");
        };
        return answer.compose(text -> text == null ? Future.succeededFuture() : context.reply(text).mapEmpty());
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

    private Future<String> export(CommandContext context, UserId member) {
        return memory.export(context.caller(), context.event(), member).map(exported -> MemoryStrings.exported(
                member, exported));
    }

    private Future<String> askToErase(CommandContext context, UserId member) {
        return memory.byAuthor(member).compose(memories -> {
            if (memories.isEmpty()) {
                return Future.succeededFuture("There are no memories of " + member.value() + ".");
            }
            String prompt = "React with ✅ within 10 minutes to erase " + memories.size() + " memories of "
                    + member.value() + " in every room. This cannot be undone; !memory export first keeps a copy.";
            return context.reply("confirm", prompt)
                    .compose(posted -> prompts.open(posted, context.event(), ERASE_KIND,
                            new JsonObject().put("member", member.value()), Optional.of(ConfirmationKind.WITHIN),
                            List.of(ConfirmationKind.CONFIRM)))
                    .map((String) null);
        });
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
