-- Schema written by the migrations starter (Migrator.dumpSchema()).
-- Regenerate it after adding migrations rather than editing it.

CREATE TABLE notes (
    id integer PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    body varchar(1000) NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, email varchar(200) NOT NULL UNIQUE, "is_admin" boolean NOT NULL DEFAULT false);

CREATE INDEX notes_user_id ON notes (user_id);

-- Schema at version 8
