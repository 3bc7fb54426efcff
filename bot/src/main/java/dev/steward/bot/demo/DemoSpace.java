package dev.steward.bot.demo;

import dev.steward.homeserver.id.RoomId;

/** What the demo made: who logs in, with which password, and where Steward waits. */
public record DemoSpace(String localpart, String password, RoomId space, RoomId room) {}
