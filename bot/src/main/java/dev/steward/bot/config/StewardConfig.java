package dev.steward.bot.config;

import dev.steward.homeserver.id.ServerName;
import dev.steward.homeserver.id.UserId;
import dev.steward.bot.gateway.ModelEntry;
import dev.steward.homeserver.id.RoomId;
import dev.steward.safety.content.ContentFilter;
import dev.steward.safety.policy.MemberRoles;
import dev.steward.safety.policy.Roles;
import dev.steward.safety.sensitivity.SensitivityRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Steward's whole configuration, validated. Read by {@link ConfigLoader}; every key is in config.example.yaml. */
public record StewardConfig(Path dataDir, Homeserver homeserver, Appservice appservice, Bot bot, Invites invites,
        Pipeline pipeline, Safety safety, Models models, Conversation conversation, Memory memory,
        Encryption encryption) {

    /** The homeserver Steward belongs to. */
    public record Homeserver(String url, ServerName serverName) {}

    /**
     * The appservice side: where Steward listens, how the homeserver reaches it, and its tokens (empty when they
     * are to be read from, or generated into, the registration file).
     */
    public record Appservice(String id, String bindAddress, int port, String publicUrl, Optional<String> asToken,
            Optional<String> hsToken, Path registrationFile, long maxBodyBytes) {}

    /** The bot user and how people address it. */
    public record Bot(String localpart, String displayName, String commandPrefix) {}

    /** Who may invite Steward: Matrix ids or globs ({@code @*:example.org}). Empty means the bot's own server. */
    public record Invites(List<String> allow) {}

    /**
     * @param paused store transactions without handling them (maintenance; the backlog is handled once unpaused)
     * @param maxAttempts how often an event whose handling fails is tried before it is set aside
     */
    public record Pipeline(boolean paused, int maxAttempts) {}

    /**
     * Who may do what: the space's time zone (quiet hours, budget resets), the roles (each a policy and a set of
     * powers), who has which role (exact ids and globs, then the default role), and the power level in a room from
     * which a member holds the powers over that room.
     */
    public record Safety(ZoneId timeZone, String defaultRole, List<MemberRoles.Assignment> members,
            int roomAdminLevel, Roles roles, ContentFilter contentFilter, Optional<RoomId> adminRoom,
            String language, BigDecimal budgetWarningShare, SensitivityRule.Mode sensitiveContext,
            Moderation moderation) {}

    /**
     * The moderation model asked about requests and answers the content classifier is unsure about: a local model
     * named under {@code models} (none by default), and how long Steward waits for its verdict.
     */
    public record Moderation(Optional<String> model, java.time.Duration timeout) {}

    /** The configured models (none by default: Steward then explains how to add one), the default and fallbacks. */
    public record Models(List<ModelEntry> entries, Optional<String> defaultModel, List<String> fallbacks) {}

    /**
     * What a model sees besides the question: the system prompt (a room's own replaces the default; a role's is added
     * to it), and how many earlier messages of the thread or reply chain and of the room are read for context.
     */
    public record Conversation(String systemPrompt, Map<RoomId, String> roomPrompts, Map<String, String> rolePrompts,
            int threadMessages, int recentMessages) {}

    /** The collective memory: how long a room's memories outlive Steward's leaving it. */
    public record Memory(java.time.Duration retention) {}

    /**
     * End-to-end encrypted rooms: on when a store key is given (it encrypts every key Steward keeps, at rest).
     *
     * @param storeKey the secret the key store is encrypted with (config or {@code STEWARD_E2EE_KEY})
     * @param recoveryKey the recovery key printed at first start, given back to restore the cross-signing keys
     * @param deviceId Steward's device
     * @param shareWith which devices of the rooms' members get Steward's room keys
     * @param blockedDevices devices that never get them ({@code @user:server DEVICEID})
     * @param undecryptableNotice how long a message that cannot be read yet waits before the room is told
     */
    public record Encryption(boolean enabled, Optional<String> storeKey, Optional<String> recoveryKey, String deviceId,
            ShareWith shareWith, List<String> blockedDevices, java.time.Duration undecryptableNotice) {
        /** Element's default is every device of the joined members; {@code CROSS_SIGNED} only those their owner signed. */
        public enum ShareWith { ALL_DEVICES, CROSS_SIGNED }
    }

    public Path memoryIndexDir() {
        return dataDir.resolve("memory-index");
    }

    public UserId botUserId() {
        return UserId.of(bot.localpart(), homeserver.serverName());
    }

    public Path databaseFile() {
        return dataDir.resolve("steward");
    }
}
