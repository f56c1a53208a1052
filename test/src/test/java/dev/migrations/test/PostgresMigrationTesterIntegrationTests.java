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

package dev.migrations.test;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresMigrationTesterIntegrationTests extends AbstractMigrationTesterTests {

	private static final String LEAK = "Migration 2: its down left the schema different from before its up.";

	@Override
	protected HikariDataSource createDataSource() {
		return PostgresTestDatabase.create(PostgresMigrationTesterIntegrationTests.class).dataSource();
	}

	@Test
	void downThatForgetsAViewFailsNamingTheView() {
		assertLeak(TestMigration.of("2", "CREATE VIEW active_users AS SELECT id FROM users"),
				"view public.active_users: only in actual (SELECT users.id FROM users;)");
	}

	@Test
	void downThatRestoresAnotherViewDefinitionFailsNamingTheView() {
		assertLeak(
				TestMigration.of("2", "CREATE OR REPLACE VIEW user_names AS SELECT id, name, name AS label FROM users")
					.withDown("DROP VIEW user_names", "CREATE VIEW user_names AS SELECT id, name AS label FROM users"),
				"view public.user_names: definition differs (expected SELECT users.id, users.name FROM users;,"
						+ " actual SELECT users.id, users.name AS label FROM users;)");
	}

	@Test
	void downThatForgetsAMaterializedViewFailsNamingIt() {
		assertLeak(TestMigration.of("2", "CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users"),
				"materialized view public.user_count: only in actual");
	}

	@Test
	void downThatForgetsAnIndexOfAMaterializedViewFailsNamingIt() {
		assertLeak(TestMigration.of("2", "CREATE UNIQUE INDEX user_ids_id ON user_ids (id)"),
				"materialized view public.user_ids: index user_ids_id: only in actual (CREATE UNIQUE INDEX user_ids_id"
						+ " ON user_ids USING btree (id))");
	}

	@Test
	void downThatForgetsAFunctionInAnotherSchemaFailsNamingIt() {
		assertLeak(
				TestMigration.of("2",
						"CREATE FUNCTION utils.slugify(value text) RETURNS text LANGUAGE sql"
								+ " IMMUTABLE AS $$ SELECT lower(value) $$"),
				"function utils.slugify(text): only in actual");
	}

	@Test
	void downThatRestoresAnotherFunctionBodyFailsNamingIt() {
		assertLeak(TestMigration
			.of("2", "CREATE OR REPLACE FUNCTION utils.stamp() RETURNS text LANGUAGE sql AS $$ SELECT 'v2' $$")
			.withDown("CREATE OR REPLACE FUNCTION utils.stamp() RETURNS text LANGUAGE sql AS $$ SELECT 'v0' $$"),
				"function utils.stamp(): definition differs");
	}

	@Test
	void downThatForgetsAProcedureFailsNamingIt() {
		assertLeak(TestMigration.of("2", "CREATE PROCEDURE utils.noop() LANGUAGE sql AS $$ SELECT 1 $$"),
				"procedure utils.noop(): only in actual");
	}

	@Test
	void downThatForgetsATriggerFailsNamingIt() {
		assertLeak(TestMigration.of("2",
				"CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION utils.touch()"),
				"trigger users_touch on public.users: only in actual (CREATE TRIGGER users_touch BEFORE UPDATE ON"
						+ " users FOR EACH ROW EXECUTE FUNCTION utils.touch())");
	}

	@Test
	void downThatCannotRemoveAnEnumLabelFailsNamingTheType() {
		assertLeak(TestMigration.of("2", "ALTER TYPE mood ADD VALUE 'meh'"),
				"type public.mood: definition differs (expected ENUM ('happy', 'sad'), actual ENUM ('happy', 'sad', 'meh'))");
	}

	@Test
	void downThatForgetsADomainDefaultFailsNamingTheDomain() {
		assertLeak(TestMigration.of("2", "ALTER DOMAIN positive SET DEFAULT 1"),
				"domain public.positive: definition differs (expected AS integer CONSTRAINT positive_check CHECK"
						+ " (VALUE > 0), actual AS integer DEFAULT 1 CONSTRAINT positive_check CHECK (VALUE > 0))");
	}

	@Test
	void downThatForgetsASequenceChangeFailsNamingTheSequence() {
		assertLeak(TestMigration.of("2", "ALTER SEQUENCE invoice_numbers INCREMENT BY 10"),
				"sequence public.invoice_numbers: definition differs (expected bigint START 1000 INCREMENT 1");
	}

	@Test
	void downThatForgetsATableInAnotherSchemaFailsNamingIt() {
		assertLeak(TestMigration.of("2", "CREATE TABLE utils.audit (id int)"), "table utils.audit: only in actual");
	}

	@Test
	void downThatForgetsASchemaFailsNamingIt() {
		assertLeak(TestMigration.of("2", "CREATE SCHEMA reporting"), "schema reporting: only in actual");
	}

	@Test
	void downThatForgetsACommentFailsNamingTheObject() {
		assertLeak(TestMigration.of("2", "COMMENT ON COLUMN users.name IS 'Display name'"),
				"comment on table column public.users.name: only in actual (Display name)");
	}

	@Test
	void downThatLeavesAPartitionDetachedFailsNamingIt() {
		assertLeak(TestMigration.of("2", "ALTER TABLE measurements DETACH PARTITION measurements_2025"),
				"table measurements_2025: partition of: only in expected (public.measurements FOR VALUES FROM"
						+ " ('2025-01-01') TO ('2026-01-01'))");
	}

	@Test
	void downThatForgetsAnIdentityColumnChangeFailsNamingTheColumn() {
		assertLeak(TestMigration.of("2", "ALTER TABLE users ALTER COLUMN rank ADD GENERATED ALWAYS AS IDENTITY"),
				"table users: column rank: identity: only in actual (ALWAYS integer START 1 INCREMENT 1");
	}

	@Test
	void downThatRestoresEveryObjectKindPasses() {
		TestMigration everything = TestMigration.of("2", "CREATE SCHEMA reporting",
				"CREATE VIEW reporting.names AS SELECT name FROM users",
				"CREATE MATERIALIZED VIEW reporting.counts AS SELECT count(*) AS n FROM users",
				"CREATE UNIQUE INDEX counts_n ON reporting.counts (n)",
				"CREATE FUNCTION reporting.twice(n int) RETURNS int LANGUAGE sql AS $$ SELECT n * 2 $$",
				"CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION utils.touch()",
				"CREATE TYPE reporting.level AS ENUM ('low', 'high')", "CREATE DOMAIN reporting.small AS int",
				"CREATE TYPE reporting.pair AS (a int, b text)", "ALTER SEQUENCE invoice_numbers INCREMENT BY 10",
				"COMMENT ON TABLE users IS 'People'", "ALTER TABLE users ENABLE ROW LEVEL SECURITY",
				"CREATE POLICY own ON users USING (id > 0)",
				"CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')")
			.withDown("DROP TABLE measurements_2026", "DROP POLICY own ON users",
					"ALTER TABLE users DISABLE ROW LEVEL SECURITY", "COMMENT ON TABLE users IS NULL",
					"ALTER SEQUENCE invoice_numbers INCREMENT BY 1", "DROP TRIGGER users_touch ON users",
					"DROP SCHEMA reporting CASCADE");
		RoundTripReport report = MigrationTester.of(this.dataSource, List.of(everyKind(), everything))
			.checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "2");
	}

	private void assertLeak(TestMigration leaky, String difference) {
		TestMigration migration = leaky.reversible() ? leaky : leaky.withDown("SELECT 1");
		MigrationTester tester = MigrationTester.of(this.dataSource, List.of(everyKind(), migration));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkRoundTrips)
			.withMessageStartingWith(LEAK)
			.withMessageContaining(difference);
	}

	private static TestMigration everyKind() {
		return TestMigration.of("1", "CREATE SCHEMA utils",
				"CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, rank int NOT NULL)",
				"CREATE VIEW user_names AS SELECT id, name FROM users",
				"CREATE MATERIALIZED VIEW user_ids AS SELECT id FROM users",
				"CREATE FUNCTION utils.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
				"CREATE FUNCTION utils.stamp() RETURNS text LANGUAGE sql AS $$ SELECT 'v1' $$",
				"CREATE TYPE mood AS ENUM ('happy', 'sad')", "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
				"CREATE SEQUENCE invoice_numbers START WITH 1000",
				"CREATE TABLE measurements (logdate date NOT NULL, value int) PARTITION BY RANGE (logdate)",
				"CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")
			.withDown("DROP TABLE measurements", "DROP SEQUENCE invoice_numbers", "DROP DOMAIN positive",
					"DROP TYPE mood", "DROP VIEW user_names", "DROP MATERIALIZED VIEW user_ids", "DROP TABLE users",
					"DROP SCHEMA utils CASCADE");
	}

}
