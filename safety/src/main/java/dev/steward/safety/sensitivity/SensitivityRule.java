package dev.steward.safety.sensitivity;

import dev.steward.safety.policy.EffectivePolicy;
import dev.steward.safety.policy.PolicyKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for what may leave Steward for a model. Every piece of a request (the question, the thread's turns,
 * the room's recent messages, Steward's earlier answers, the memories) is judged by its own author's policy, the
 * room's privacy when it was written, and the personal data found in it, never by the asker's policy alone: a child's
 * words stay local when an adult asks, and another member's personal data is handled as that member's policy says.
 * The request then goes local when any piece it carries must, or leaves such pieces out when it cannot go local.
 */
public final class SensitivityRule {
    /** What to do with context that must stay local when the asker's route could go anywhere. */
    public enum Mode {
        /** Route the request to a local model when the asker may use one, else leave the pieces out. */
        GO_LOCAL,
        /** Always leave the pieces out, and route as the question alone would. */
        LEAVE_OUT
    }

    /** Where a piece may go, and whether personal data in it leaves only as placeholders. */
    public record Judged(Reach reach, boolean redactPersonalData) {}

    /**
     * The request as sent: its reach, which pieces (by index) are left out, and why, for the route's reason and
     * {@code !models}; the reason is empty when the context changed nothing.
     */
    public record Decision(Reach reach, List<Integer> leftOut, String reason) {
        public Decision {
            leftOut = List.copyOf(leftOut);
        }
    }

    private SensitivityRule() {}

    /**
     * Words a member writes now or wrote: local when their policy keeps them local, when the room was private, or when
     * they hold personal data that the member's policy keeps local.
     */
    public static Reach ofAuthor(EffectivePolicy author, boolean roomWasPrivate, boolean hasPersonalData) {
        boolean local = author.get(PolicyKey.LOCAL_ONLY) || roomWasPrivate
                || (hasPersonalData && "local_only".equals(author.get(PolicyKey.PII)));
        return local ? Reach.LOCAL : Reach.ANYWHERE;
    }

    public static Judged judge(Origin origin, boolean hasPersonalData) {
        return switch (origin) {
            case Origin.Member member -> new Judged(ofAuthor(member.author(), member.roomWasPrivate(),
                    hasPersonalData), hasPersonalData && redacts(member.author()));
            // An unmarked message of Steward's may have answered anyone: it stays local.
            case Origin.Steward steward -> new Judged(steward.marked().orElse(Reach.LOCAL),
                    hasPersonalData && steward.answered().map(SensitivityRule::redacts).orElse(true));
            // Stored as its author's policy let it be; its reach was fixed then.
            case Origin.Memory memory -> new Judged(memory.stored(), false);
        };
    }

    /** Under {@code allow} the author lets their data out; under {@code local_only} the piece is local anyway. */
    private static boolean redacts(EffectivePolicy author) {
        String pii = author.get(PolicyKey.PII);
        return pii.equals("redact") || pii.equals("block");
    }

    /**
     * @param question the question's own reach (the asker's words, and a private room)
     * @param pieces each context piece's reach, in the order the request carries them
     * @param localRouteAvailable whether the asker's route may be local (they may use a local model, and did not name
     *     one that is not)
     */
    public static Decision decide(Reach question, List<Reach> pieces, boolean localRouteAvailable, Mode mode) {
        List<Integer> local = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) == Reach.LOCAL) {
                local.add(i);
            }
        }
        if (question == Reach.LOCAL || local.isEmpty()) {
            return new Decision(question, List.of(), "");
        }
        if (mode == Mode.GO_LOCAL && localRouteAvailable) {
            return new Decision(Reach.LOCAL, List.of(), "context that must stay local (" + count(local.size())
                    + "): local only");
        }
        return new Decision(Reach.ANYWHERE, local, "left out " + count(local.size())
                + " that must stay on local models");
    }

    private static String count(int pieces) {
        return pieces == 1 ? "1 earlier message" : pieces + " earlier messages";
    }
}
