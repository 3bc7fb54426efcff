package dev.steward.homeserver.event;

/** The event types and message types Steward reads or writes. */
public final class EventTypes {
    public static final String MESSAGE = "m.room.message";
    public static final String MEMBER = "m.room.member";
    public static final String REACTION = "m.reaction";
    public static final String REDACTION = "m.room.redaction";
    public static final String POWER_LEVELS = "m.room.power_levels";
    public static final String NAME = "m.room.name";

    public static final String TEXT = "m.text";
    public static final String NOTICE = "m.notice";

    private EventTypes() {}
}
