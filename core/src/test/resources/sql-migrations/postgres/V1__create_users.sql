-- Users of the application; the statements below carry semicolons in odd places.
CREATE TABLE users (
	id BIGINT PRIMARY KEY,
	name TEXT NOT NULL,
	note TEXT DEFAULT 'a;b' -- default with a semicolon;
);

/* a nested /* comment; */ before the insert */
INSERT INTO users (id, name, note) VALUES (1, 'O''Brien; Jr.', E'line\'s end;');
