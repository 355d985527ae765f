-- Pending chat dialogues (confirmations, parameter prompts, account choices) and chat delivery ids already taken.
CREATE TABLE chat_pending (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    channel_key TEXT NOT NULL,
    thread_id   TEXT,
    user_id     TEXT NOT NULL,
    state       TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    expires_ms  INTEGER NOT NULL
);

CREATE INDEX chat_pending_thread ON chat_pending (channel_key, thread_id, user_id, kind);

CREATE TABLE chat_events (
    event_id    TEXT PRIMARY KEY,
    expires_ms  INTEGER NOT NULL
);
