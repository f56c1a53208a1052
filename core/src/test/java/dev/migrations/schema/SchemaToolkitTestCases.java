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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.IndexDefinition;
import dev.migrations.MigrationException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code alterTable}, {@code createTable} and the schema reader must do on every
 * database: each runs in a transaction like a migration's, with a second schema
 * {@code expected} where target tables are created fresh for snapshot comparison.
 */
abstract class SchemaToolkitTestCases {

	static final String QUOTED = "it's \"quoted\"; -- not a comment";

	Connection connection;

	JdbcTemplate jdbc;

	SchemaToolkit toolkit;

	SchemaToolkit expected;

	String expectedSchema;

	abstract Connection open() throws SQLException;

	abstract DatabaseKind kind();

	abstract void prepareExpectedSchema(JdbcTemplate jdbc);

	/**
	 * Return the name of the schema that holds the expected tables.
	 */
	String expectedSchema() {
		return "expected";
	}

	@BeforeEach
	void openConnection() throws SQLException {
		this.expectedSchema = expectedSchema();
		this.connection = open();
		this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(this.connection, true));
		prepareExpectedSchema(this.jdbc);
		this.connection.setAutoCommit(false);
		this.toolkit = new SchemaToolkit(this.connection, kind(), null);
		this.expected = new SchemaToolkit(this.connection, kind(), this.expectedSchema);
	}

	@AfterEach
	void closeConnection() throws SQLException {
		this.connection.rollback();
		this.connection.close();
	}

	void createUsers(String schemaPrefix) {
		this.jdbc.execute("CREATE TABLE " + schemaPrefix + "users (id integer PRIMARY KEY, name varchar(50) NOT NULL,"
				+ " email text, age integer DEFAULT 0)");
	}

	void insertUsers() {
		this.jdbc.update("INSERT INTO users (id, name, email, age) VALUES (1, 'ann', 'ann@example.com', 30)");
		this.jdbc.update("INSERT INTO users (id, name, email, age) VALUES (2, ?, NULL, NULL)", QUOTED);
	}

	List<Map<String, Object>> rows(String table) {
		return this.jdbc.queryForList("SELECT * FROM " + table + " ORDER BY id");
	}

	SchemaSnapshot snapshot(String schema) {
		return SchemaSnapshot.read(this.connection, kind(), schema, Set.of());
	}

	void assertMatchesExpected() {
		SchemaDiff diff = snapshot(this.expectedSchema).diff(snapshot(null));
		assertThat(diff.isEmpty()).as(diff.toString()).isTrue();
	}

	@Test
	void readsColumnsKeysAndIndexesOfUncommittedTables() {
		this.jdbc.execute("CREATE TABLE teams (id integer PRIMARY KEY, title text)");
		this.jdbc.execute("CREATE TABLE players (id integer, team_id integer NOT NULL, nick text DEFAULT 'x',"
				+ " PRIMARY KEY (id), CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE)");
		this.jdbc.execute("CREATE UNIQUE INDEX players_nick ON players (nick)");
		var reader = this.toolkit.reader();
		assertThat(reader.tables()).containsExactly("players", "teams");
		assertThat(reader.hasTable("players")).isTrue();
		assertThat(reader.hasTable("nobody")).isFalse();
		assertThat(reader.hasColumn("players", "nick")).isTrue();
		assertThat(reader.hasColumn("players", "missing")).isFalse();
		assertThat(reader.hasIndex("players", "players_nick")).isTrue();
		assertThat(reader.columns("players")).extracting(ColumnDefinition::name)
			.containsExactly("id", "team_id", "nick");
		assertThat(reader.columns("players").get(1).nullable()).isFalse();
		assertThat(reader.columns("players").get(2).defaultValue()).startsWith("'x'");
		assertThat(reader.primaryKey("players")).containsExactly("id");
		assertThat(reader.indexes("players"))
			.containsExactly(new IndexDefinition("players_nick", List.of("nick"), true));
		assertThat(reader.foreignKeys("players")).singleElement().satisfies((key) -> {
			assertThat(key.columns()).containsExactly("team_id");
			assertThat(key.referencedTable()).isEqualTo("teams");
			assertThat(key.referencedColumns()).containsExactly("id");
			assertThat(key.onDelete()).isEqualTo("CASCADE");
			assertThat(key.name()).isEqualTo("fk_team");
		});
	}

	@Test
	void readingAnUnknownTableNamesIt() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.toolkit.reader().columns("ghosts"))
			.withMessageContaining("Table ghosts does not exist")
			.withMessageContaining("migrations.schema");
	}

	@Test
	void addColumnsKeepsRowsAndMatchesAFreshTable() {
		createUsers("");
		insertUsers();
		this.toolkit.alterTable("users")
			.addColumn("nickname", "text")
			.addColumn(ColumnDefinition.of("status", "varchar(20)").notNull().withDefault("'active'"))
			.apply();
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema
				+ ".users (id integer PRIMARY KEY, name varchar(50) NOT NULL,"
				+ " email text, age integer DEFAULT 0, nickname text, status varchar(20) NOT NULL DEFAULT 'active')");
		assertMatchesExpected();
		assertThat(rows("users")).extracting((row) -> row.get("status")).containsExactly("active", "active");
		assertThat(rows("users").get(1)).containsEntry("name", QUOTED).containsEntry("email", null);
	}

	@Test
	void notNullColumnWithoutDefaultCanBeAddedToAnEmptyTable() {
		createUsers("");
		this.toolkit.alterTable("users").addColumn(ColumnDefinition.of("code", "text").notNull()).apply();
		assertThat(this.toolkit.reader().columns("users")).last().satisfies((column) -> {
			assertThat(column.name()).isEqualTo("code");
			assertThat(column.type()).isEqualToIgnoringCase("text");
			assertThat(column.nullable()).isFalse();
			assertThat(column.defaultValue()).isNull();
		});
	}

	@Test
	void dropColumnKeepsTheOtherValues() {
		createUsers("");
		insertUsers();
		this.toolkit.alterTable("users").dropColumn("email").apply();
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema
				+ ".users (id integer PRIMARY KEY, name varchar(50) NOT NULL," + " age integer DEFAULT 0)");
		assertMatchesExpected();
		assertThat(rows("users").get(1)).containsEntry("name", QUOTED)
			.containsEntry("age", null)
			.doesNotContainKey("email");
	}

	@Test
	void renameColumnKeepsValues() {
		createUsers("");
		insertUsers();
		this.toolkit.alterTable("users").renameColumn("email", "mail").apply();
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema
				+ ".users (id integer PRIMARY KEY, name varchar(50) NOT NULL," + " mail text, age integer DEFAULT 0)");
		assertMatchesExpected();
		assertThat(rows("users")).extracting((row) -> row.get("mail")).containsExactly("ann@example.com", null);
	}

	@Test
	void changeTypeConvertsValues() {
		this.jdbc.execute("CREATE TABLE codes (id integer PRIMARY KEY, code text)");
		this.jdbc.update("INSERT INTO codes VALUES (1, '42'), (2, NULL)");
		this.toolkit.alterTable("codes").changeType("code", "bigint").apply();
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema + ".codes (id integer PRIMARY KEY, code bigint)");
		assertMatchesExpected();
		assertThat(this.jdbc.queryForList("SELECT code FROM codes ORDER BY id", Long.class)).containsExactly(42L, null);
		assertThat(this.jdbc.queryForObject("SELECT code + 1 FROM codes WHERE id = 1", Long.class)).isEqualTo(43L);
	}

	@Test
	void nullabilityAndDefaultsChange() {
		createUsers("");
		insertUsers();
		this.toolkit.alterTable("users")
			.dropNotNull("name")
			.setNotNull("id")
			.setDefault("email", "'none'")
			.dropDefault("age")
			.apply();
		this.jdbc.execute(
				"CREATE TABLE " + this.expectedSchema + ".users (id integer NOT NULL PRIMARY KEY, name varchar(50),"
						+ " email text DEFAULT 'none', age integer)");
		assertMatchesExpected();
		assertThat(rows("users").get(1)).containsEntry("email", null).containsEntry("name", QUOTED);
		this.jdbc.update("INSERT INTO users (id) VALUES (3)");
		assertThat(rows("users").get(2)).containsEntry("email", "none").containsEntry("name", null);
	}

	@Test
	void uniqueConstraintsAreAddedAndDropped() {
		createUsers("");
		insertUsers();
		this.toolkit.alterTable("users").addUniqueConstraint("users_name_key", "name").apply();
		this.jdbc.execute(
				"CREATE TABLE " + this.expectedSchema + ".users (id integer PRIMARY KEY, name varchar(50) NOT NULL,"
						+ " email text, age integer DEFAULT 0, CONSTRAINT users_name_key UNIQUE (name))");
		assertMatchesExpected();
		assertThat(this.toolkit.reader().indexes("users")).singleElement()
			.satisfies((index) -> assertThat(index.unique()).isTrue());
		this.toolkit.alterTable("users").dropUniqueConstraint("users_name_key").apply();
		assertThat(this.toolkit.reader().indexes("users")).isEmpty();
		assertThat(rows("users")).hasSize(2);
	}

	@Test
	void foreignKeysAndChecksAreAddedAndDropped() {
		this.jdbc.execute("CREATE TABLE teams (id integer PRIMARY KEY)");
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema + ".teams (id integer PRIMARY KEY)");
		createUsers("");
		this.jdbc.update("INSERT INTO teams VALUES (7)");
		this.jdbc.update("INSERT INTO users (id, name, age) VALUES (1, 'ann', 7)");
		this.toolkit.alterTable("users")
			.addForeignKey(ForeignKeyDefinition.of("fk_users_team", "age", "teams", "id").withOnDelete("SET NULL"))
			.addCheckConstraint("ck_users_age", "age > 0")
			.apply();
		this.expected.createTable("users")
			.column(ColumnDefinition.of("id", "integer"))
			.column(ColumnDefinition.of("name", "varchar(50)").notNull())
			.column(ColumnDefinition.of("email", "text"))
			.column(ColumnDefinition.of("age", "integer").withDefault("0"))
			.primaryKey("id")
			.foreignKey(ForeignKeyDefinition.of("fk_users_team", "age", "teams", "id").withOnDelete("SET NULL"))
			.checkConstraint("ck_users_age", "age > 0")
			.apply();
		assertMatchesExpected();
		assertThat(this.toolkit.reader().foreignKeys("users")).extracting(ForeignKeyDefinition::name)
			.containsExactly("fk_users_team");
		this.toolkit.alterTable("users").dropForeignKey("fk_users_team").dropCheckConstraint("ck_users_age").apply();
		assertThat(this.toolkit.reader().foreignKeys("users")).isEmpty();
		this.jdbc.update("INSERT INTO users (id, name, age) VALUES (2, 'bob', -1)");
	}

	@Test
	void renameTableKeepsRows() {
		createUsers("");
		insertUsers();
		this.toolkit.alterTable("users").setDefault("email", "'none'").renameTo("people").apply();
		assertThat(this.toolkit.reader().tables()).containsExactly("people");
		assertThat(rows("people")).hasSize(2);
	}

	@Test
	void rebuildKeepsIndexesTriggersAndForeignKeysInBothDirections() {
		createShop("", "name varchar(50) NOT NULL, email text");
		this.jdbc.update("INSERT INTO teams VALUES (1, 'red')");
		this.jdbc.update("INSERT INTO users (id, team_id, name, email) VALUES (1, 1, ?, 'a@example.com')", QUOTED);
		this.jdbc.update("INSERT INTO users (id, team_id, name, email) VALUES (2, NULL, 'bob', NULL)");
		this.jdbc.update("INSERT INTO orders VALUES (10, 1), (11, 2)");
		createTrigger();
		this.toolkit.alterTable("users").changeType("name", "varchar(80)").setDefault("email", "'none'").apply();
		createShop(this.expectedSchema + ".", "name varchar(80) NOT NULL, email text DEFAULT 'none'");
		assertMatchesExpected();
		assertThat(rows("orders")).hasSize(2);
		assertThat(rows("users")).extracting((row) -> row.get("name")).containsExactly(QUOTED, "bob");
		assertThat(this.toolkit.reader().hasIndex("users", "users_name")).isTrue();
		assertThat(this.toolkit.reader().foreignKeys("orders")).singleElement()
			.satisfies((key) -> assertThat(key.referencedTable()).isEqualTo("users"));
		assertThat(this.toolkit.reader().foreignKeys("users")).singleElement()
			.satisfies((key) -> assertThat(key.referencedTable()).isEqualTo("teams"));
		this.jdbc.update("INSERT INTO users (id, team_id, name) VALUES (3, 1, 'cat')");
		assertThat(this.jdbc.queryForList("SELECT note FROM audit", String.class)).containsExactly("cat");
		assertThat(rows("users").get(2)).containsEntry("email", "none");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.jdbc
			.update("INSERT INTO users (id, team_id, name, email) VALUES (4, 1, 'dan', 'a@example.com')"));
	}

	private void createShop(String prefix, String userColumns) {
		this.jdbc.execute("CREATE TABLE " + prefix + "teams (id integer PRIMARY KEY, title text)");
		this.jdbc
			.execute("CREATE TABLE " + prefix + "users (id integer PRIMARY KEY, team_id integer REFERENCES teams (id), "
					+ userColumns + ", CONSTRAINT users_email_key UNIQUE (email))");
		this.jdbc.execute((kind() == DatabaseKind.SQLITE) ? "CREATE INDEX " + prefix + "users_name ON users (name)"
				: "CREATE INDEX users_name ON " + prefix + "users (name)");
		this.jdbc.execute("CREATE TABLE " + prefix + "orders (id integer PRIMARY KEY, user_id integer NOT NULL,"
				+ " CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id))");
		this.jdbc.execute("CREATE TABLE " + prefix + "audit (id integer, note text)");
	}

	abstract void createTrigger();

	@Test
	void manyRowsSurviveARebuild() {
		this.jdbc.execute("CREATE TABLE events (id integer PRIMARY KEY, payload text, score integer)");
		this.jdbc
			.update("INSERT INTO events (id, payload, score) SELECT n, 'event ' || n, n % 7 FROM " + series(100_000));
		this.toolkit.alterTable("events").setNotNull("payload").setDefault("score", "1").apply();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM events", Long.class)).isEqualTo(100_000L);
		assertThat(this.jdbc.queryForObject("SELECT SUM(score) FROM events", Long.class))
			.isEqualTo(LongStream.rangeClosed(1, 100_000).map((n) -> n % 7).sum());
		assertThat(this.jdbc.queryForObject("SELECT payload FROM events WHERE id = 99999", String.class))
			.isEqualTo("event 99999");
	}

	abstract String series(int count);

	@Test
	void unknownTableIsNamed() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.alterTable("ghosts").addColumn("x", "text").apply())
			.withMessageContaining("Table ghosts does not exist");
	}

	@Test
	void unknownColumnIsNamedAndTableUnchanged() {
		createUsers("");
		insertUsers();
		SchemaSnapshot before = snapshot(null);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.alterTable("users").addColumn("extra", "text").dropColumn("emial").apply())
			.withMessageContaining("Table users has no column emial")
			.withMessageContaining("id, name, email, age, extra")
			.withMessageContaining("Table users is unchanged");
		assertThat(before.diff(snapshot(null)).isEmpty()).isTrue();
	}

	@Test
	void renameOntoAnExistingColumnIsRefused() {
		createUsers("");
		SchemaSnapshot before = snapshot(null);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.alterTable("users").renameColumn("email", "name").apply())
			.withMessageContaining("Column users.email cannot be renamed to name")
			.withMessageContaining("already has a column name");
		assertThat(before.diff(snapshot(null)).isEmpty()).isTrue();
	}

	@Test
	void renameOntoAnExistingTableIsRefused() {
		createUsers("");
		this.jdbc.execute("CREATE TABLE people (id integer)");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.alterTable("users").renameTo("people").apply())
			.withMessageContaining("Table users cannot be renamed to people")
			.withMessageContaining("already exists");
	}

	@Test
	void notNullWithoutDefaultOnATableWithRowsIsRefused() {
		createUsers("");
		insertUsers();
		SchemaSnapshot before = snapshot(null);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(
				() -> this.toolkit.alterTable("users").addColumn(ColumnDefinition.of("code", "text").notNull()).apply())
			.withMessageContaining("Column users.code is NOT NULL without a default")
			.withMessageContaining("withDefault");
		assertThat(before.diff(snapshot(null)).isEmpty()).isTrue();
	}

	@Test
	void setNotNullOnAColumnWithNullsIsRefused() {
		createUsers("");
		insertUsers();
		SchemaSnapshot before = snapshot(null);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.alterTable("users").setNotNull("email").apply())
			.withMessageContaining("Column users.email holds NULL in 1 row(s)");
		assertThat(before.diff(snapshot(null)).isEmpty()).isTrue();
	}

	@Test
	void droppingAnUnknownConstraintIsRefused() {
		createUsers("");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.alterTable("users").dropForeignKey("fk_nothing").apply())
			.withMessageContaining("Table users has no foreign key named fk_nothing");
	}

	@Test
	void aChangeTheDatabaseRefusesRollsBackTheWholeBatch() {
		this.jdbc.execute("CREATE TABLE teams (id integer PRIMARY KEY)");
		createUsers("");
		insertUsers();
		SchemaSnapshot before = snapshot(null);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.alterTable("users")
				.addColumn("nickname", "text")
				.dropColumn("email")
				.addForeignKey(ForeignKeyDefinition.of("fk_users_team", "age", "teams", "id"))
				.apply())
			.withMessageContaining("users");
		assertThat(before.diff(snapshot(null)).isEmpty()).isTrue();
		assertThat(rows("users")).hasSize(2);
		this.jdbc.update("INSERT INTO teams VALUES (1)");
	}

	@Test
	void createTableRefusesAnExistingTable() {
		createUsers("");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> this.toolkit.createTable("users").column("id", "integer").apply())
			.withMessageContaining("Table users already exists");
	}

	@Test
	void diffListsEveryDifference() {
		createUsers("");
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema
				+ ".users (id integer PRIMARY KEY, name text NOT NULL, age integer)");
		this.jdbc.execute("CREATE TABLE " + this.expectedSchema + ".extra (id integer)");
		SchemaDiff diff = snapshot(this.expectedSchema).diff(snapshot(null));
		assertThat(diff.isEmpty()).isFalse();
		assertThat(diff.differences()).anyMatch((line) -> line.startsWith("table extra: only in expected"))
			.anyMatch((line) -> line.startsWith("table users: column email: only in actual"))
			.anyMatch((line) -> line.startsWith("table users: column name: expected"))
			.anyMatch((line) -> line.startsWith("table users: column age: expected"));
		assertThat(diff.toString()).startsWith("The schemas differ in 4 place(s):\n  - ");
	}

	@Test
	void snapshotLeavesOutExcludedTables() {
		createUsers("");
		this.jdbc.execute("CREATE TABLE schema_migrations (id integer)");
		assertThat(SchemaSnapshot.read(this.connection, kind(), null, Set.of("schema_migrations")).tables())
			.containsOnlyKeys("users");
	}

}
