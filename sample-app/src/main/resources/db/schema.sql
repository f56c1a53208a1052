-- Schema written by the migrations starter (Migrator.dumpSchema()).
-- Regenerate it after adding migrations rather than editing it.

CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, is_admin boolean NOT NULL DEFAULT false);

-- Schema at version 2
