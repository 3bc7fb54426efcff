package dev.steward.safety.authority;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Steward's own powers, each over everything or over one room. A global power is held through a configured role
 * only; a room power also comes with a high enough power level in that room, and reaches no other room.
 */
public enum Power {
    POLICY_CHANGE("policy.change", Scope.GLOBAL, "change members' policies"),
    POLICY_VIEW("policy.view", Scope.GLOBAL, "see other members' policies"),
    AUDIT_READ("audit.read", Scope.GLOBAL, "read the audit log"),
    MEMORY_MEMBERS("memory.members", Scope.GLOBAL, "export or erase other members' memories"),
    ROOM_MODEL("room.model", Scope.ROOM, "choose this room's default model"),
    ROOM_PRIVACY("room.privacy", Scope.ROOM, "make this room private or not"),
    ROOM_MEMORY("room.memory", Scope.ROOM, "change what this room's memory keeps and shares"),
    ROOM_FORGET("room.forget", Scope.ROOM, "forget other members' memories of this room");

    /** Over everything Steward does, or over one room. */
    public enum Scope { GLOBAL, ROOM }

    private final String key;
    private final Scope scope;
    private final String meaning;

    Power(String key, Scope scope, String meaning) {
        this.key = key;
        this.scope = scope;
        this.meaning = meaning;
    }

    /** The name used in config ({@code roles.admin.powers}) and in messages. */
    public String key() {
        return key;
    }

    public Scope scope() {
        return scope;
    }

    /** What the power lets its holder do, as a sentence ends: "change members' policies". */
    public String meaning() {
        return meaning;
    }

    public static Optional<Power> named(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(power -> power.key.equals(wanted)).findFirst();
    }

    /** Every power's key, for error messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Power::key).toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
