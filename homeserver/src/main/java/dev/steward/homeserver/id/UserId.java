package dev.steward.homeserver.id;

import java.util.regex.Pattern;

/**
 * A Matrix user id, {@code @localpart:server}. Accepts the historical localpart characters (any printable ASCII
 * but ':'), because such users exist on real servers; {@link #isStrict()} tells whether it is also a valid new id.
 */
public record UserId(String value) {
    private static final Pattern HISTORICAL = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+");
    private static final Pattern STRICT = Pattern.compile("[a-z0-9._=\\-/+]+");

    public UserId {
        String local = MatrixIds.localPart("user id", '@', value);
        if (!HISTORICAL.matcher(local).matches()) {
            throw new IllegalArgumentException("user id has an invalid localpart: " + MatrixIds.quote(value));
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    public static UserId of(String localpart, ServerName server) {
        return new UserId("@" + localpart + ":" + server.value());
    }

    public String localpart() {
        return value.substring(1, value.indexOf(':'));
    }

    public ServerName server() {
        return new ServerName(value.substring(value.indexOf(':') + 1));
    }

    /** True when the localpart uses only the characters new ids may use. */
    public boolean isStrict() {
        return STRICT.matcher(localpart()).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
