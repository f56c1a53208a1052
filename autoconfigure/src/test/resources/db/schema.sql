-- Schema written by the migrations starter (Migrator.dumpSchema()).
-- Regenerate it after adding migrations rather than editing it.

CREATE TABLE users (id bigint PRIMARY KEY);

-- Schema at version 1
