/*
 * Copyright 2026 the original authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.migrations.engine;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.testsupport.PostgresTestDatabase;

class PostgresSchemaDumpIntegrationTests extends AbstractSchemaDumpTests {

	@Override
	protected HikariDataSource createDataSource(String name) {
		return PostgresTestDatabase.create("schema_dump_" + name).dataSource();
	}

	@Override
	protected String[] everyObjectKind() {
		return new String[] { "CREATE TYPE mood AS ENUM ('happy', 'sad')",
				"CREATE SEQUENCE invoice_numbers START WITH 1000",
				"CREATE TABLE users (id serial PRIMARY KEY, name varchar(100) NOT NULL DEFAULT 'anonymous',"
						+ " email text UNIQUE, mood mood, age int CONSTRAINT users_age_positive CHECK (age > 0),"
						+ " name_upper text GENERATED ALWAYS AS (upper(name)) STORED)",
				"CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10) PRIMARY KEY,"
						+ " user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
						+ " number bigint DEFAULT nextval('invoice_numbers'), total numeric(10,2), updated_at timestamptz)",
				"CREATE INDEX orders_user_total ON orders (user_id, total) WHERE total > 0",
				"CREATE UNIQUE INDEX users_lower_email ON users (lower(email))",
				"CREATE VIEW big_orders AS SELECT o.id, u.name FROM orders o JOIN users u ON u.id = o.user_id"
						+ " WHERE o.total > 100",
				"CREATE VIEW a_biggest_orders AS SELECT id, name FROM big_orders WHERE id > 10",
				"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now();"
						+ " RETURN NEW; END; $$",
				"CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()" };
	}

	@Override
	protected List<String> expectedDefinitions() {
		return List.of("CREATE TYPE mood AS ENUM ('happy', 'sad');",
				"CREATE SEQUENCE invoice_numbers AS bigint START WITH 1000 INCREMENT BY 1",
				"CREATE SEQUENCE users_id_seq AS integer START WITH 1",
				"CREATE TABLE users (\n\tid integer DEFAULT nextval('users_id_seq'::regclass) NOT NULL,",
				"\tname_upper text GENERATED ALWAYS AS (upper((name)::text)) STORED",
				"\tCONSTRAINT users_pkey PRIMARY KEY (id),", "CONSTRAINT users_age_positive CHECK (age > 0)",
				"\tid bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 1) NOT NULL,",
				"ALTER SEQUENCE users_id_seq OWNED BY users.id;",
				"CREATE OR REPLACE FUNCTION touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$",
				"CREATE VIEW big_orders AS\n SELECT o.id,", "CREATE INDEX orders_user_total ON orders USING btree",
				"CREATE UNIQUE INDEX users_lower_email ON users USING btree (lower(email));",
				"ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id)"
						+ " ON DELETE CASCADE;",
				"CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();");
	}

}
