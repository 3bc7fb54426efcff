package dev.steward.homeserver.id;

/** A homeserver's name: a host (DNS name, IPv4 or bracketed IPv6) with an optional port. */
public record ServerName(String value) {
    public ServerName {
        if (!MatrixIds.isServerName(value)) {
            throw new IllegalArgumentException("not a valid server name: " + MatrixIds.quote(String.valueOf(value)));
        }
    }

    public static ServerName of(String value) {
        return new ServerName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
