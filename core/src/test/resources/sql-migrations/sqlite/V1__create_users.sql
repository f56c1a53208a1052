CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT DEFAULT 'a;b');
INSERT INTO users (id, name) VALUES (1, 'O''Brien; Jr.');
