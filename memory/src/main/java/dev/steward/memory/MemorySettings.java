package dev.steward.memory;

/**
 * What a room chose about its memory; everything is off until someone turns it on.
 *
 * @param capture keep the room's messages as memories, not only what is asked with {@code !remember}
 * @param captureAnswers keep Steward's own answers in this room as memories
 * @param shareWithSpace let the other rooms of the room's space find the memories stored for the space
 */
public record MemorySettings(boolean capture, boolean captureAnswers, boolean shareWithSpace) {
    public static final MemorySettings OFF = new MemorySettings(false, false, false);

    public MemorySettings withCapture(boolean on) {
        return new MemorySettings(on, captureAnswers, shareWithSpace);
    }

    public MemorySettings withCaptureAnswers(boolean on) {
        return new MemorySettings(capture, on, shareWithSpace);
    }

    public MemorySettings withShareWithSpace(boolean on) {
        return new MemorySettings(capture, captureAnswers, on);
    }
}
