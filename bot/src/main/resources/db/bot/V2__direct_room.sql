-- Rooms people opened as a direct chat with Steward (their invite said is_direct): every message there is a
-- model request, not only mentions and commands.
CREATE TABLE direct_room (
    room_id    VARCHAR(255) PRIMARY KEY,
    member     VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
