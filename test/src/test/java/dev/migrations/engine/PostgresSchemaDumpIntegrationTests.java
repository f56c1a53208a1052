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
import org.junit.jupiter.api.Test;

import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.FreshSchema;
import dev.migrations.test.MigrationTester;
import dev.migrations.testsupport.PgDump;

import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresSchemaDumpIntegrationTests extends AbstractSchemaDumpTests {

	private static final MigratorSettings DEFAULTS = MigratorSettings.defaults("dataSource");

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

	@Override
	protected String missingTrigger() {
		return "trigger orders_touch on public.orders";
	}

	@Test
	void dumpHasEveryUserSchemaWithDomainsMaterializedViewsCommentsAndPartitions() throws Exception {
		try (HikariDataSource dataSource = PostgresTestDatabase.create("schema_dump_utils").dataSource()) {
			Migrator migrator = Migrator.create(dataSource, List.of(utilsSchema("1")), DEFAULTS);
			migrator.migrate();
			assertThat(migrator.dumpSchema()).contains("CREATE SCHEMA IF NOT EXISTS utils;",
					"CREATE DOMAIN utils.email AS text CONSTRAINT email_check CHECK (VALUE ~~ '%@%'::text);",
					"CREATE TYPE utils.level AS ENUM ('low', 'high');", "CREATE TYPE utils.pair AS (\n\ta integer,",
					"CREATE SEQUENCE utils.tickets AS bigint START WITH 5",
					"CREATE OR REPLACE FUNCTION utils.slugify(value text)",
					"slug text GENERATED ALWAYS AS (utils.slugify(title)) STORED", "\n) PARTITION BY RANGE (logdate);",
					"CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO"
							+ " ('2026-01-01');",
					"CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;",
					"CREATE MATERIALIZED VIEW utils.article_counts AS\n SELECT",
					"CREATE UNIQUE INDEX article_counts_level ON utils.article_counts USING btree (level);",
					"CREATE INDEX measurements_logdate ON ONLY measurements USING btree (logdate);",
					"CREATE RULE settings_protect AS\n    ON DELETE TO utils.settings DO INSTEAD NOTHING;",
					"ALTER TABLE articles ENABLE ROW LEVEL SECURITY;",
					"CREATE POLICY readable ON articles AS PERMISSIVE FOR SELECT TO PUBLIC USING",
					"COMMENT ON SCHEMA utils IS 'Helpers';",
					"COMMENT ON FUNCTION utils.slugify(text) IS 'URL-safe text';",
					"COMMENT ON TABLE articles IS 'Published articles';",
					"COMMENT ON COLUMN articles.title IS 'Headline';");
		}
	}

	@Test
	void schemaDumpCheckPassesForADumpOfEveryUserSchema() throws Exception {
		try (HikariDataSource dumped = PostgresTestDatabase.create("schema_dump_utils_dumped").dataSource();
				HikariDataSource replayed = PostgresTestDatabase.create("schema_dump_utils_replayed").dataSource();
				HikariDataSource loaded = PostgresTestDatabase.create("schema_dump_utils_loaded").dataSource()) {
			Migrator migrator = Migrator.create(dumped, List.of(utilsSchema("1")), DEFAULTS);
			migrator.migrate();
			String dump = migrator.dumpSchema();
			MigrationTester.of(replayed, List.of(utilsSchema("1"))).checkSchemaDump(loaded, dump);
		}
	}

	@Test
	void schemaDumpCheckCatchesADumpWithoutACommentInAnotherSchema() throws Exception {
		try (HikariDataSource dumped = PostgresTestDatabase.create("schema_dump_utils_dumped").dataSource();
				HikariDataSource replayed = PostgresTestDatabase.create("schema_dump_utils_replayed").dataSource();
				HikariDataSource loaded = PostgresTestDatabase.create("schema_dump_utils_loaded").dataSource()) {
			Migrator migrator = Migrator.create(dumped, List.of(utilsSchema("1")), DEFAULTS);
			migrator.migrate();
			String dump = migrator.dumpSchema()
				.replace("COMMENT ON FUNCTION utils.slugify(text) IS 'URL-safe text';", "");
			MigrationTester tester = MigrationTester.of(replayed, List.of(utilsSchema("1")));
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.checkSchemaDump(loaded, dump))
				.withMessageContaining("comment on function utils.slugify(text): only in expected (URL-safe text)");
		}
	}

	@Test
	void databaseLoadedFromTheDumpHasTheSchemaPgDumpSeesInTheMigratedOne() throws Exception {
		PostgresTestDatabase source = PostgresTestDatabase.create("schema_dump_pg_dump_source");
		PostgresTestDatabase copy = PostgresTestDatabase.create("schema_dump_pg_dump_copy");
		try (HikariDataSource migrated = source.dataSource(); HikariDataSource loaded = copy.dataSource()) {
			Migrator migrator = Migrator.create(migrated,
					List.of(TestMigration.of("1", everyObjectKind()), utilsSchema("2")), DEFAULTS);
			migrator.migrate();
			String dump = migrator.dumpSchema();
			Migrator
				.create(loaded, List.of(), DEFAULTS.withFreshSchema(new FreshSchema("classpath:db/schema.sql", dump)))
				.migrate();
			String expected = PgDump.schemaOnly(source.url());
			assertThat(expected).contains("CREATE SCHEMA utils;", "CREATE FUNCTION utils.slugify(value text)");
			assertThat(PgDump.schemaOnly(copy.url())).isEqualTo(expected);
		}
	}

	private static TestMigration utilsSchema(String version) {
		return TestMigration.of(version, "CREATE SCHEMA utils", "COMMENT ON SCHEMA utils IS 'Helpers'",
				"CREATE FUNCTION utils.slugify(value text) RETURNS text LANGUAGE sql IMMUTABLE"
						+ " AS $$ SELECT lower(regexp_replace(value, '[^a-zA-Z0-9]+', '-', 'g')) $$",
				"COMMENT ON FUNCTION utils.slugify(text) IS 'URL-safe text'",
				"CREATE DOMAIN utils.email AS text CHECK (VALUE LIKE '%@%')",
				"CREATE TYPE utils.level AS ENUM ('low', 'high')", "CREATE TYPE utils.pair AS (a int, b text)",
				"CREATE SEQUENCE utils.tickets START WITH 5",
				"CREATE TABLE utils.settings (key text PRIMARY KEY, value text)",
				"CREATE RULE settings_protect AS ON DELETE TO utils.settings DO INSTEAD NOTHING",
				"CREATE TABLE articles (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, title text NOT NULL,"
						+ " slug text GENERATED ALWAYS AS (utils.slugify(title)) STORED, author utils.email,"
						+ " level utils.level DEFAULT 'low')",
				"COMMENT ON TABLE articles IS 'Published articles'", "COMMENT ON COLUMN articles.title IS 'Headline'",
				"ALTER TABLE articles ENABLE ROW LEVEL SECURITY",
				"CREATE POLICY readable ON articles FOR SELECT USING (level = 'high')",
				"CREATE MATERIALIZED VIEW utils.article_counts AS SELECT level, count(*) AS n FROM articles GROUP BY level",
				"CREATE UNIQUE INDEX article_counts_level ON utils.article_counts (level)",
				"CREATE VIEW utils.titles AS SELECT id, utils.slugify(title) AS slug FROM articles",
				"CREATE FUNCTION utils.article_rows() RETURNS SETOF articles LANGUAGE sql AS $$ SELECT * FROM articles $$",
				"CREATE TABLE measurements (logdate date NOT NULL, value int,"
						+ " CONSTRAINT measurements_value CHECK (value >= 0)) PARTITION BY RANGE (logdate)",
				"CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
				"CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT",
				"CREATE INDEX measurements_logdate ON measurements (logdate)");
	}

}
