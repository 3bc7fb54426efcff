package dev.steward.safety.policy;

/** A policy change that is not allowed or not valid; the message is written for the person who asked. */
public class PolicyRefusal extends RuntimeException {
    public PolicyRefusal(String message) {
        super(message);
    }
}
