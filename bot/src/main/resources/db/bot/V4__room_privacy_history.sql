-- When each room became private or stopped being so: what was written while a room was private stays on local
-- models after !private off. Rooms private before this table existed count as private since their last change.
CREATE TABLE room_privacy_change (
    room_id    VARCHAR(255) NOT NULL,
    is_private BOOLEAN NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(255) NOT NULL
);

CREATE INDEX room_privacy_change_room ON room_privacy_change (room_id, changed_at);

INSERT INTO room_privacy_change (room_id, is_private, changed_at, changed_by)
    SELECT room_id, TRUE, updated_at, updated_by FROM room_setting WHERE is_private;
