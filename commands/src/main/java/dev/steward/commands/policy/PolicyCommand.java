package dev.steward.commands.policy;

import dev.steward.commands.BadArgumentsException;
import dev.steward.commands.Caller;
import dev.steward.commands.CommandContext;
import dev.steward.commands.CommandSpec;
import dev.steward.commands.Subcommand;
import dev.steward.commands.UserFacingException;
import dev.steward.homeserver.id.UserId;
import dev.steward.safety.authority.Permission;
import dev.steward.safety.authority.Power;
import dev.steward.safety.policy.PolicyRefusal;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * {@code !policy}, {@code !policy @user}, {@code !policy set @user <key> <value>}, {@code !policy reset @user [key]}:
 * show a member's effective policy and change overrides. Seeing another's needs {@code policy.view}, changing any,
 * one's own included, {@code policy.change}: global powers, which no room's power level gives.
 */
public final class PolicyCommand {
    private final MemberPolicies policies;

    private PolicyCommand(MemberPolicies policies) {
        this.policies = policies;
    }

    public static CommandSpec spec(MemberPolicies policies) {
        Permission change = Permission.of(Power.POLICY_CHANGE);
        return CommandSpec.of("policy", "policy", "your policy: what you may use, your filter, budget and privacy",
                new PolicyCommand(policies)::handle).always().withSubcommands(
                        Subcommand.word("set", "policy set @user <key> <value>", "change a member's policy", change),
                        Subcommand.word("reset", "policy reset @user [key]", "remove a member's overrides", change),
                        Subcommand.aboutOthers(0, "policy @user", "another member's policy",
                                Permission.of(Power.POLICY_VIEW)));
    }

    private Future<Void> handle(CommandContext context) {
        List<String> words = List.of(context.arguments().strip().split("\\s+")).stream()
                .filter(w -> !w.isEmpty()).toList();
        Caller caller = context.caller();
        Future<String> answer;
        if (words.isEmpty()) {
            answer = Future.succeededFuture(PolicyStrings.policy(caller.policy(), true));
        } else if (words.get(0).equals("set")) {
            if (words.size() < 4) {
                throw new BadArgumentsException("Say whose policy, which key and the new value.");
            }
            UserId member = member(words.get(1));
            String value = String.join(" ", words.subList(3, words.size()));
            answer = policies.set(caller, member, words.get(2), value)
                    .map(now -> PolicyStrings.set(member, words.get(2), now));
        } else if (words.get(0).equals("reset")) {
            if (words.size() < 2 || words.size() > 3) {
                throw new BadArgumentsException("Say whose overrides to remove, and optionally which key.");
            }
            UserId member = member(words.get(1));
            answer = policies.reset(caller, member, words.size() == 3 ? Optional.of(words.get(2)) : Optional.empty())
                    .map(removed -> PolicyStrings.reset(member, removed));
        } else if (words.size() == 1) {
            UserId member = member(words.get(0));
            answer = member.equals(caller.member()) ? Future.succeededFuture(PolicyStrings.policy(caller.policy(), true))
                    : policies.effective(member).map(policy -> PolicyStrings.policy(policy, false));
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
