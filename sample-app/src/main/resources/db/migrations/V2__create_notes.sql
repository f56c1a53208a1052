-- Notes belong to users. ${identity} is "integer PRIMARY KEY" on SQLite and an identity
-- column on PostgreSQL (see migrations.placeholders in application.yml).
CREATE TABLE notes (
    id ${identity},
    user_id bigint NOT NULL REFERENCES users (id),
    body varchar(1000) NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
);
