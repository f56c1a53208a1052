-- The first users, under the first release's free-text roles.
INSERT INTO users (name, email, legacy_role) VALUES ('Ada Lovelace', 'Ada@Example.org', 'admin');
INSERT INTO users (name, email, legacy_role) VALUES ('Grace Hopper', 'Grace@Example.org', 'member');
INSERT INTO notes (user_id, body)
    SELECT id, 'Welcome, ' || name || '! Notes can hold semicolons; and ''quotes''.' FROM users;
