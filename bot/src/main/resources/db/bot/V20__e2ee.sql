-- End-to-end encryption (issue 15). Secret columns hold vodozemac pickles or AES-GCM sealed values, both under keys
-- derived from encryption.store_key: without it nothing here can be read. Public keys and ids are stored plainly.

-- Steward's own Olm account (identity keys, one-time and fallback keys): one row.
CREATE TABLE e2ee_account (
    id          INT PRIMARY KEY,
    device_id   VARCHAR(64) NOT NULL,
    pickle      CHARACTER VARYING NOT NULL,
    published   BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Sealed secrets: the cross-signing seeds and the recovery key.
CREATE TABLE e2ee_secret (
    name    VARCHAR(64) PRIMARY KEY,
    sealed  CHARACTER VARYING NOT NULL
);

-- Olm sessions with other devices, by the other device's Curve25519 key.
CREATE TABLE e2ee_olm_session (
    session_id  VARCHAR(128) PRIMARY KEY,
    sender_key  VARCHAR(64) NOT NULL,
    pickle      CHARACTER VARYING NOT NULL,
    last_used   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX e2ee_olm_session_by_key ON e2ee_olm_session (sender_key);

-- Megolm sessions Steward can decrypt with (room keys received, and its own), with who sent them.
CREATE TABLE e2ee_inbound_group (
    room_id      VARCHAR(255) NOT NULL,
    session_id   VARCHAR(128) NOT NULL,
    sender_key   VARCHAR(64) NOT NULL,
    sender_user  VARCHAR(255) NOT NULL,
    signing_key  VARCHAR(64) NOT NULL,
    pickle       CHARACTER VARYING NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, session_id)
);

-- Steward's current outbound Megolm session per room, and the devices it was shared with.
CREATE TABLE e2ee_outbound_group (
    room_id        VARCHAR(255) PRIMARY KEY,
    session_id     VARCHAR(128) NOT NULL,
    pickle         CHARACTER VARYING NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    message_count  INT NOT NULL,
    shared_with    CHARACTER VARYING NOT NULL
);

-- Other users' devices as /keys/query returned them (signatures checked), and whose lists must be queried again.
CREATE TABLE e2ee_device (
    user_id       VARCHAR(255) NOT NULL,
    device_id     VARCHAR(255) NOT NULL,
    curve25519    VARCHAR(64) NOT NULL,
    ed25519       VARCHAR(64) NOT NULL,
    cross_signed  BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, device_id)
);
CREATE TABLE e2ee_tracked_user (
    user_id   VARCHAR(255) PRIMARY KEY,
    outdated  BOOLEAN NOT NULL
);

-- Rooms' m.room.encryption content, as Steward last saw it.
CREATE TABLE e2ee_room (
    room_id     VARCHAR(255) PRIMARY KEY,
    encryption  CHARACTER VARYING NOT NULL
);

-- To-device messages from appservice transactions, kept before the transaction is acknowledged.
CREATE TABLE e2ee_to_device (
    seq          BIGINT AUTO_INCREMENT PRIMARY KEY,
    txn_id       VARCHAR(255) NOT NULL,
    position     INT NOT NULL,
    event_json   CHARACTER VARYING NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    handled      BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT e2ee_to_device_once UNIQUE (txn_id, position)
);

-- Encrypted room events whose room key has not arrived yet (still encrypted), until it does.
CREATE TABLE e2ee_waiting_event (
    event_id    VARCHAR(255) PRIMARY KEY,
    room_id     VARCHAR(255) NOT NULL,
    session_id  VARCHAR(128) NOT NULL,
    event_json  CHARACTER VARYING NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    notified    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX e2ee_waiting_by_session ON e2ee_waiting_event (session_id);

-- Whether a room's privacy was set by an admin: an encrypted room is private until an admin says otherwise.
ALTER TABLE room_setting ADD COLUMN private_set BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE room_setting SET private_set = is_private;
