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
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.testsupport.MariaDbTestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema toolkit on MariaDB, where a batch of changes is one {@code ALTER TABLE}
 * statement (DDL commits on its own, so one statement is what keeps a batch atomic) and a
 * schema is a database.
 */
class MariaDbSchemaToolkitIntegrationTests extends SchemaToolkitTestCases {

	static MariaDbTestDatabase database;

	static MariaDbTestDatabase expectedDatabase;

	@BeforeAll
	static void createDatabase() {
		database = MariaDbTestDatabase.create(MariaDbSchemaToolkitIntegrationTests.class);
		expectedDatabase = database.sibling("expected");
	}

	@Override
	Connection open() throws SQLException {
		return database.connect();
	}

	@Override
	DatabaseKind kind() {
		return DatabaseKind.MARIADB;
	}

	@Override
	String expectedSchema() {
		return expectedDatabase.name();
	}

	@Override
	void prepareExpectedSchema(JdbcTemplate jdbc) {
		for (String name : new String[] { database.name(), expectedDatabase.name() }) {
			jdbc.execute("DROP DATABASE IF EXISTS " + name);
			jdbc.execute("CREATE DATABASE " + name);
		}
		jdbc.execute("USE " + database.name());
	}

	@Override
	void createTrigger() {
		this.jdbc.execute("CREATE TRIGGER users_audit AFTER INSERT ON users FOR EACH ROW"
				+ " INSERT INTO audit (id, note) VALUES (NEW.id, NEW.name)");
	}

	@Override
	String series(int count) {
		return "(SELECT seq AS n FROM seq_1_to_" + count + ") AS s";
	}

	@Test
	@Override
	void manyRowsSurviveARebuild() {
		// MariaDB reads || as OR; CONCAT builds the text.
		this.jdbc.execute("CREATE TABLE events (id integer PRIMARY KEY, payload text, score integer)");
		this.jdbc.update(
				"INSERT INTO events (id, payload, score) SELECT n, CONCAT('event ', n), n % 7 FROM " + series(100_000));
		this.toolkit.alterTable("events").setNotNull("payload").setDefault("score", "1").apply();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM events", Long.class)).isEqualTo(100_000L);
		assertThat(this.jdbc.queryForObject("SELECT SUM(score) FROM events", Long.class))
			.isEqualTo(LongStream.rangeClosed(1, 100_000).map((n) -> n % 7).sum());
		assertThat(this.jdbc.queryForObject("SELECT payload FROM events WHERE id = 99999", String.class))
			.isEqualTo("event 99999");
		assertThat(this.toolkit.reader().columns("events").get(1).nullable()).isFalse();
	}

	@Test
	@Override
	void foreignKeysAndChecksAreAddedAndDropped() {
		// MariaDB refuses a CHECK on a column whose foreign key has a referential action,
		// so the check guards another column here.
		this.jdbc.execute("CREATE TABLE teams (id integer PRIMARY KEY)");
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema + ".teams (id integer PRIMARY KEY)");
		createUsers("");
		this.jdbc.update("INSERT INTO teams VALUES (7)");
		this.jdbc.update("INSERT INTO users (id, name, age) VALUES (1, 'ann', 7)");
		this.toolkit.alterTable("users")
			.addForeignKey(ForeignKeyDefinition.of("fk_users_team", "age", "teams", "id").withOnDelete("SET NULL"))
			.addCheckConstraint("ck_users_id", "id > 0")
			.apply();
		this.expected.createTable("users")
			.column(ColumnDefinition.of("id", "integer"))
			.column(ColumnDefinition.of("name", "varchar(50)").notNull())
			.column(ColumnDefinition.of("email", "text"))
			.column(ColumnDefinition.of("age", "integer").withDefault("0"))
			.primaryKey("id")
			.foreignKey(ForeignKeyDefinition.of("fk_users_team", "age", "teams", "id").withOnDelete("SET NULL"))
			.checkConstraint("ck_users_id", "id > 0")
			.apply();
		assertMatchesExpected();
		assertThat(this.toolkit.reader().foreignKeys("users")).extracting(ForeignKeyDefinition::name)
			.containsExactly("fk_users_team");
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.jdbc.update("INSERT INTO users (id, name, age) VALUES (-1, 'eve', 7)"));
		this.toolkit.alterTable("users").dropForeignKey("fk_users_team").dropCheckConstraint("ck_users_id").apply();
		assertThat(this.toolkit.reader().foreignKeys("users")).isEmpty();
		this.jdbc.update("INSERT INTO users (id, name, age) VALUES (-2, 'bob', -1)");
	}

	@Test
	void batchIsOneAlterTableStatementMergedPerColumn() {
		createUsers("");
		insertUsers();
		this.toolkit.alterTable("users")
			.renameColumn("email", "mail")
			.changeType("mail", "varchar(200)")
			.setDefault("mail", "'none'")
			.addColumn("nickname", "text")
			.changeType("nickname", "varchar(30)")
			.apply();
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema + ".users (id integer PRIMARY KEY, name varchar(50)"
				+ " NOT NULL, mail varchar(200) DEFAULT 'none', age integer DEFAULT 0, nickname varchar(30))");
		assertMatchesExpected();
		assertThat(rows("users")).extracting((row) -> row.get("mail")).containsExactly("ann@example.com", null);
	}

	@Test
	void modifyKeepsAutoIncrementAndComment() {
		this.jdbc.execute("CREATE TABLE tickets (id int NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'the key', "
				+ "title varchar(20))");
		this.toolkit.alterTable("tickets").changeType("id", "bigint").apply();
		this.jdbc.update("INSERT INTO tickets (title) VALUES ('first')");
		assertThat(this.jdbc.queryForObject("SELECT id FROM tickets", Long.class)).isEqualTo(1L);
		assertThat(
				this.jdbc.queryForObject(
						"SELECT COLUMN_COMMENT FROM information_schema.COLUMNS WHERE "
								+ "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tickets' AND COLUMN_NAME = 'id'",
						String.class))
			.isEqualTo("the key");
	}

	@Test
	void droppingAForeignKeyDropsTheIndexInnoDbMadeForIt() {
		this.jdbc.execute("CREATE TABLE teams (id integer PRIMARY KEY)");
		this.jdbc.execute("CREATE TABLE players (id integer PRIMARY KEY, team_id integer)");
		SchemaSnapshot before = snapshot(null);
		this.toolkit.alterTable("players")
			.addForeignKey(ForeignKeyDefinition.of("fk_players_team", "team_id", "teams", "id"))
			.apply();
		assertThat(this.toolkit.reader().indexes("players")).isEmpty();
		this.toolkit.alterTable("players").dropForeignKey("fk_players_team").apply();
		assertThat(before.diff(snapshot(null)).isEmpty()).as(before.diff(snapshot(null)).toString()).isTrue();
	}

	@Test
	void worksInTheConfiguredSchema() {
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema + ".users (id integer PRIMARY KEY, name text)");
		this.jdbc.execute("CREATE TABLE users (id integer PRIMARY KEY)");
		this.expected.alterTable("users").setNotNull("name").addColumn("email", "text").apply();
		assertThat(this.expected.reader().columns("users")).extracting(ColumnDefinition::name)
			.containsExactly("id", "name", "email");
		assertThat(this.toolkit.reader().columns("users")).extracting(ColumnDefinition::name).containsExactly("id");
	}

}
