package dev.steward.homeserver.id;

/** A room alias, {@code #localpart:server}. */
public record RoomAlias(String value) {
    public RoomAlias {
        String local = MatrixIds.localPart("room alias", '#', value);
        if (local.isEmpty()) {
            throw new IllegalArgumentException("room alias has an empty localpart: " + MatrixIds.quote(value));
        }
    }

    public static RoomAlias of(String value) {
        return new RoomAlias(value);
    }

    public String localpart() {
        return value.substring(1, value.indexOf(':'));
    }

    public ServerName server() {
        return new ServerName(value.substring(value.indexOf(':') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
