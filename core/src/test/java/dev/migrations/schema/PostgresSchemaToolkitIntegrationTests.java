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

package dev.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.testsupport.PostgresTestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema toolkit on PostgreSQL, where every change is a plain {@code ALTER TABLE}.
 */
class PostgresSchemaToolkitIntegrationTests extends SchemaToolkitTestCases {

	static PostgresTestDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = PostgresTestDatabase.create(PostgresSchemaToolkitIntegrationTests.class);
	}

	@Override
	Connection open() throws SQLException {
		return database.connect();
	}

	@Override
	DatabaseKind kind() {
		return DatabaseKind.POSTGRES;
	}

	@Override
	void prepareExpectedSchema(JdbcTemplate jdbc) {
		jdbc.execute("DROP SCHEMA IF EXISTS expected CASCADE");
		jdbc.execute("DROP SCHEMA public CASCADE");
		jdbc.execute("CREATE SCHEMA public");
		jdbc.execute("CREATE SCHEMA expected");
	}

	@Test
	void worksInTheConfiguredSchema() {
		this.jdbc.execute("CREATE TABLE expected.users (id integer PRIMARY KEY, name text)");
		this.jdbc.execute("CREATE TABLE users (id integer PRIMARY KEY)");
		this.expected.alterTable("users").setNotNull("name").addColumn("email", "text").apply();
		assertThat(this.expected.reader().columns("users")).extracting(ColumnDefinition::name)
			.containsExactly("id", "name", "email");
		assertThat(this.toolkit.reader().columns("users")).extracting(ColumnDefinition::name).containsExactly("id");
	}

	@Override
	void createTrigger() {
		this.jdbc.execute("CREATE FUNCTION users_audit() RETURNS trigger LANGUAGE plpgsql AS $$"
				+ " BEGIN INSERT INTO audit (id, note) VALUES (NEW.id, NEW.name); RETURN NEW; END $$");
		this.jdbc
			.execute("CREATE TRIGGER users_audit AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_audit()");
	}

	@Override
	String series(int count) {
		return "generate_series(1, " + count + ") AS s(n)";
	}

}
