package dev.steward.bot.it.standin;

/**
 * What the stand-in does with one chat request. Scripted behaviours are consumed one per chat request, so a test can
 * say "the next call fails, the one after works" without timing anything.
 */
sealed interface Behaviour {
    Behaviour ANSWER = new Answer();
    Behaviour STALL = new Stall();

    /** The normal case: the configured answer, in whichever flavour and mode the client asked for. */
    record Answer() implements Behaviour {}

    /** An error status with the provider's error body, as a rate limit or an outage would look. */
    record Fail(int status) implements Behaviour {
        public Fail {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a failure status must be 4xx or 5xx, not " + status);
            }
        }
    }

    /** Read the request and never answer: the only way to make a client's timeout fire deterministically. */
    record Stall() implements Behaviour {}
}
