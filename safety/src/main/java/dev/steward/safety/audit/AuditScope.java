package dev.steward.safety.audit;

import java.util.Set;

/**
 * What of the audit log one space's admins may read: the space's rooms (ids), its members (ids), and the direct
 * chats Steward has with anyone (whose entries show only when a member of the space caused them).
 */
public record AuditScope(Set<String> rooms, Set<String> members, Set<String> directRooms) {
    public AuditScope {
        rooms = Set.copyOf(rooms);
        members = Set.copyOf(members);
        directRooms = Set.copyOf(directRooms);
    }
}
