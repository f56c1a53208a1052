CREATE TABLE audit (user_id BIGINT, action TEXT);

CREATE FUNCTION audit_users() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
	INSERT INTO audit VALUES (NEW.id, 'insert;' || $$quoted$$);
	RETURN NEW;
END;
$body$;

CREATE TRIGGER users_audit AFTER INSERT ON users
	FOR EACH ROW EXECUTE FUNCTION audit_users();

INSERT INTO users (id, name) VALUES (3, 'Third');
