CREATE TABLE audit (user_id INTEGER, action TEXT);

CREATE TRIGGER users_audit AFTER INSERT ON users
BEGIN
	INSERT INTO audit VALUES (new.id, 'insert;');
	INSERT INTO audit VALUES (new.id, CASE WHEN new.name = 'x' THEN 'x;' ELSE 'other' END);
END;

INSERT INTO users (id, name) VALUES (3, 'Third');
