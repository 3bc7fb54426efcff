package dev.steward.memory;

/**
 * What a room chose about its memory; everything is off until someone turns it on.
 *
 * @param capture keep the room's messages as memories, not only what is asked with {@code !remember}
 * @param captureAnswers keep Steward's own answers in this room as memories
 * @param shareWithSpace let the other rooms of the room's space find the memories stored for the space
 */
public record RoomSettings(boolean capture, boolean captureAnswers, boolean shareWithSpace) {
    public static final RoomSettings OFF = new RoomSettings(false, false, false);

    public RoomSettings withCapture(boolean on) {
        return new RoomSettings(on, captureAnswers, shareWithSpace);
    }

    public RoomSettings withCaptureAnswers(boolean on) {
        return new RoomSettings(capture, on, shareWithSpace);
    }

    public RoomSettings withShareWithSpace(boolean on) {
        return new RoomSettings(capture, captureAnswers, on);
    }
}
