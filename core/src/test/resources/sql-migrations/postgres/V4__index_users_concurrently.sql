-- migrations: transactional=false
CREATE INDEX CONCURRENTLY users_name ON users (name);
