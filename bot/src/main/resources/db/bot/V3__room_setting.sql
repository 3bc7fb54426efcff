-- What admins set for a room: whether it is private (every request stays on local models, its memories are never
-- shared) and its default model (!model). One row per room that has a setting; no row means the defaults.
CREATE TABLE room_setting (
    room_id       VARCHAR(255) PRIMARY KEY,
    is_private    BOOLEAN NOT NULL DEFAULT FALSE,
    default_model VARCHAR(255),
    updated_by    VARCHAR(255) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The time from sending a request to a provider to its first words (streamed answers); null when nothing came.
ALTER TABLE ai_interaction ADD COLUMN first_token_ms BIGINT;
