package dev.steward.bot.demo;

import dev.steward.homeserver.id.RoomId;

/** What the demo made: the two logins, the family's space, its Kitchen (both) and Parents room (the parent). */
public record DemoSpace(Login parent, Login child, RoomId space, RoomId kitchen, RoomId parents) {
    /** A person of the demo and their password. */
    public record Login(String user, String password) {}
}
