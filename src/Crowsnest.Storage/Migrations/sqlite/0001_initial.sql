-- Crowsnest schema, version 1 (SQLite). Times are Unix milliseconds.
CREATE TABLE notifications (
    message_id      TEXT PRIMARY KEY,
    source          TEXT NOT NULL,
    topic_arn       TEXT,
    source_key      TEXT,
    subject         TEXT,
    body            TEXT NOT NULL,
    attributes      TEXT,
    published_ms    INTEGER,
    received_ms     INTEGER NOT NULL,
    state           TEXT NOT NULL,
    event_type      TEXT,
    error           TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    lease_owner     TEXT,
    lease_until_ms  INTEGER,
    processed_ms    INTEGER
);
CREATE INDEX ix_notifications_state ON notifications (state, received_ms);
CREATE INDEX ix_notifications_received ON notifications (received_ms);

CREATE TABLE deliveries (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id     TEXT NOT NULL,
    target_key          TEXT NOT NULL,
    configuration_id    TEXT NOT NULL,
    thread_key          TEXT,
    payload             TEXT NOT NULL,
    state               TEXT NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    created_ms          INTEGER NOT NULL,
    next_attempt_ms     INTEGER NOT NULL,
    lease_owner         TEXT,
    lease_until_ms      INTEGER,
    last_error          TEXT,
    delivered_ms        INTEGER,
    platform_message_id TEXT,
    UNIQUE (notification_id, target_key)
);
CREATE INDEX ix_deliveries_due ON deliveries (state, next_attempt_ms);
CREATE INDEX ix_deliveries_thread ON deliveries (target_key, thread_key, state, id);

CREATE TABLE threads (
    target_key          TEXT NOT NULL,
    thread_key          TEXT NOT NULL,
    platform_message_id TEXT NOT NULL,
    platform_channel_id TEXT,
    updated_ms          INTEGER NOT NULL,
    PRIMARY KEY (target_key, thread_key)
);

CREATE TABLE resources (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    document    TEXT NOT NULL,
    secrets     BLOB,
    version     INTEGER NOT NULL,
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL,
    PRIMARY KEY (kind, id),
    UNIQUE (kind, name)
);

CREATE TABLE resource_tags (
    resource_id TEXT NOT NULL,
    tag_key     TEXT NOT NULL,
    tag_value   TEXT NOT NULL,
    PRIMARY KEY (resource_id, tag_key)
);

CREATE TABLE associations (
    configuration_id TEXT NOT NULL,
    resource_id      TEXT NOT NULL,
    PRIMARY KEY (configuration_id, resource_id)
);

CREATE TABLE change_stamp (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    stamp INTEGER NOT NULL
);
INSERT INTO change_stamp (id, stamp) VALUES (1, 0);

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms           INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    actor           TEXT NOT NULL,
    channel         TEXT,
    action          TEXT NOT NULL,
    decision        TEXT,
    reason          TEXT,
    outcome         TEXT,
    correlation_id  TEXT,
    details         TEXT
);
CREATE INDEX ix_audit_at ON audit_log (at_ms);

CREATE TABLE aliases (
    channel_key TEXT NOT NULL,
    name        TEXT NOT NULL,
    command     TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (channel_key, name)
);

CREATE TABLE api_credentials (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    secret        BLOB,
    secret_hash   TEXT,
    created_ms    INTEGER NOT NULL,
    last_used_ms  INTEGER,
    revoked_ms    INTEGER
);

CREATE TABLE sns_subscriptions (
    topic_arn     TEXT PRIMARY KEY,
    message_id    TEXT NOT NULL,
    subscribe_url TEXT NOT NULL,
    token         TEXT,
    state         TEXT NOT NULL,
    received_ms   INTEGER NOT NULL,
    decided_ms    INTEGER,
    note          TEXT
);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    expires_ms  INTEGER
);

CREATE TABLE data_protection_keys (
    name        TEXT PRIMARY KEY,
    xml         TEXT NOT NULL,
    created_ms  INTEGER NOT NULL
);
