package dev.steward.commands.policy;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.UserFacingException;
import dev.steward.homeserver.id.RoomId;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.policy.PolicyRefusal;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code !policy}, {@code !policy @user}, {@code !policy set @user <key> <value>}, {@code !policy reset @user [key]}:
 * show a member's effective policy (someone else's to admins only) and change overrides (admins only).
 */
public final class PolicyCommand {
    private final MemberPolicies policies;

    private PolicyCommand(MemberPolicies policies) {
        this.policies = policies;
    }

    public static CommandSpec spec(MemberPolicies policies) {
        return CommandSpec.everyone("policy", "policy [@user] | policy set @user <key> <value> | policy reset @user [key]",
                "your policy here, or (admins) another member's, and changes to it", new PolicyCommand(policies)::handle);
    }

    private Future<Void> handle(CommandContext context) {
        List<String> words = Arrays.stream(context.arguments().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        RoomId room = context.event().roomId();
        UserId sender = context.event().sender();
        Future<String> answer;
        if (words.isEmpty()) {
            answer = policies.effective(room, sender).map(policy -> PolicyStrings.policy(policy, true));
        } else if (words.get(0).equals("set")) {
            if (words.size() < 4) {
                throw new BadArgumentsException("Say whose policy, which key and the new value.");
            }
            UserId member = member(words.get(1));
            String value = String.join(" ", words.subList(3, words.size()));
            answer = policies.set(room, sender, member, words.get(2), value)
                    .map(now -> PolicyStrings.set(member, words.get(2), now));
        } else if (words.get(0).equals("reset")) {
            if (words.size() < 2 || words.size() > 3) {
                throw new BadArgumentsException("Say whose overrides to remove, and optionally which key.");
            }
            UserId member = member(words.get(1));
            answer = policies.reset(room, sender, member, words.size() == 3 ? Optional.of(words.get(2)) : Optional.empty())
                    .map(removed -> PolicyStrings.reset(member, removed));
        } else if (words.size() == 1) {
            UserId member = member(words.get(0));
            answer = member.equals(sender) ? policies.effective(room, sender).map(p -> PolicyStrings.policy(p, true))
                    : policies.isAdmin(room, sender).compose(admin -> admin
                            ? policies.effective(room, member).map(policy -> PolicyStrings.policy(policy, false))
                            : Future.failedFuture(new UserFacingException(PolicyStrings.ONLY_ADMINS_SEE_OTHERS)));
        } else {
            throw new BadArgumentsException("I did not understand that.");
        }
        return refusalsForPeople(answer).compose(context::reply).mapEmpty();
    }

    static UserId member(String text) {
        try {
            return UserId.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException("'" + text + "' is not a Matrix user id such as @alice:example.org.");
        }
    }

    /** A policy refusal is an answer for the person, not a failure to log. */
    static <T> Future<T> refusalsForPeople(Future<T> future) {
        return future.recover(e -> Future.failedFuture(
                e instanceof PolicyRefusal refusal ? new UserFacingException(refusal.getMessage()) : e));
    }
}
