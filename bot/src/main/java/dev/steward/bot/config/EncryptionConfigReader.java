package dev.steward.bot.config;

import dev.steward.bot.config.StewardConfig.Encryption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code encryption}: the store key, the recovery key, the device and which devices get room keys. */
final class EncryptionConfigReader {
    static final String STORE_KEY_VARIABLE = "STEWARD_E2EE_KEY";
    static final String RECOVERY_KEY_VARIABLE = "STEWARD_RECOVERY_KEY";

    private EncryptionConfigReader() {}

    static Encryption read(ConfigReader reader) {
        boolean wanted = reader.bool("encryption.enabled", true);
        Optional<String> storeKey = reader.secret("encryption.store_key", STORE_KEY_VARIABLE);
        if (storeKey.isPresent() && storeKey.get().length() < 16) {
            reader.problem("encryption.store_key (or " + STORE_KEY_VARIABLE + ") must be at least 16 characters");
        }
        Optional<String> recoveryKey = reader.secret("encryption.recovery_key", RECOVERY_KEY_VARIABLE);
        String deviceId = reader.string("encryption.device_id", "STEWARD");
        if (!deviceId.matches("[A-Za-z0-9_-]{1,64}")) {
            reader.problem("encryption.device_id must be 1 to 64 letters, digits, '_' or '-', got '" + deviceId + "'");
        }
        String share = reader.string("encryption.share_with", "all_devices");
        Encryption.ShareWith shareWith = switch (share.toLowerCase(Locale.ROOT)) {
            case "all_devices" -> Encryption.ShareWith.ALL_DEVICES;
            case "cross_signed" -> Encryption.ShareWith.CROSS_SIGNED;
            default -> {
                reader.problem("encryption.share_with must be all_devices or cross_signed, got '" + share + "'");
                yield Encryption.ShareWith.ALL_DEVICES;
            }
        };
        List<String> blocked = reader.strings("encryption.blocked_devices", (path, value) -> {
            if (!value.matches("@[^ ]+:[^ ]+ [^ ]+")) {
                reader.problem(path + " must be '<user id> <device id>', got '" + value + "'");
            }
        });
        Duration notice = Duration.ofSeconds(reader.number("encryption.undecryptable_notice_seconds", 60, 1, 86_400));
        return new Encryption(wanted && storeKey.isPresent(), storeKey, recoveryKey, deviceId, shareWith, blocked,
                notice);
    }
}
