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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.MigrationOutcome;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.FreshSchema;
import dev.migrations.Operation;
import dev.migrations.RepeatableMigration;
import dev.migrations.RunResult;
import dev.migrations.test.MigrationTester;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The schema dump and the fresh-schema fast path, the same on every database; subclasses
 * supply the databases and a schema with every object kind the dump covers.
 */
abstract class AbstractSchemaDumpTests {

	private static final String LOCATION = "classpath:db/schema.sql";

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	/**
	 * Return a DataSource on a new, empty database of the given name.
	 */
	protected abstract HikariDataSource createDataSource(String name) throws Exception;

	/**
	 * Return statements that create a schema with every object kind the dump covers,
	 * among them a view {@code a_biggest_orders} on a view {@code big_orders}.
	 */
	protected abstract String[] everyObjectKind();

	/**
	 * Return text the dump of {@link #everyObjectKind()} must contain, one per object
	 * kind.
	 */
	protected abstract List<String> expectedDefinitions();

	/**
	 * Return the difference {@link MigrationTester#checkSchemaDump} reports for a dump
	 * without the trigger {@code orders_touch} of {@link #everyObjectKind()}.
	 */
	protected abstract String missingTrigger();

	@AfterEach
	void closeDatabases() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	@Test
	void dumpHasEveryObjectKindInDependencyOrderAndEndsWithTheVersion() throws Exception {
		Migrator migrator = migrator(database("source"), schema());
		migrator.migrate();
		String dump = migrator.dumpSchema();
		assertThat(dump).contains(expectedDefinitions())
			.doesNotContain("schema_migrations")
			.endsWith("\n-- Schema at version 1\n");
		assertThat(dump.indexOf("CREATE VIEW a_biggest_orders")).isGreaterThan(dump.indexOf("CREATE VIEW big_orders"));
	}

	@Test
	void dumpLoadedIntoAnEmptyDatabaseDumpsToTheSameText() throws Exception {
		Migrator source = migrator(database("source"), schema());
		source.migrate();
		String dump = source.dumpSchema();
		Migrator copy = migrator(database("copy"), fresh(dump));
		copy.migrate();
		assertThat(copy.dumpSchema()).isEqualTo(dump);
		assertThat(source.dumpSchema()).isEqualTo(dump);
	}

	@Test
	void freshDatabaseIsCreatedFromTheDumpStampedAndGetsNewerMigrations() throws Exception {
		String dump = dumpOf(schema());
		TestMigration v1 = schema();
		TestMigration v2 = TestMigration.of("2", "CREATE TABLE audit (id int)");
		HikariDataSource dataSource = database("fresh");
		RunResult result = Migrator.create(dataSource, List.of(v1, v2), fresh(dump)).migrate();
		assertThat(v1.runs()).isZero();
		assertThat(v2.runs()).isOne();
		assertThat(result.fromVersion()).isNull();
		assertThat(result.toVersion()).isEqualTo("2");
		assertThat(result.outcomes()).extracting(MigrationOutcome::operation, MigrationOutcome::version)
			.containsExactly(tuple(Operation.BASELINE, "1"), tuple(Operation.UP, "2"));
		List<Map<String, Object>> history = new JdbcTemplate(dataSource)
			.queryForList("SELECT operation, version, source FROM schema_migrations ORDER BY id");
		assertThat(history)
			.extracting((row) -> row.get("operation") + " " + row.get("version") + " " + row.get("source"))
			.containsExactly("LAYOUT " + HistoryTable.LAYOUT_VERSION + " null", "BASELINE 1 " + LOCATION,
					"UP 2 " + TestMigration.class.getName());
		assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM big_orders", Integer.class))
			.isZero();
	}

	@Test
	void databaseWithTablesIgnoresTheDumpAndReplays() throws Exception {
		String dump = dumpOf(schema());
		HikariDataSource dataSource = database("existing");
		new JdbcTemplate(dataSource).execute("CREATE TABLE existing (id int)");
		TestMigration v1 = schema();
		Migrator.create(dataSource, List.of(v1), fresh(dump)).migrate();
		assertThat(v1.runs()).isOne();
		assertThat(new JdbcTemplate(dataSource)
			.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'BASELINE'", Integer.class))
			.isZero();
	}

	@Test
	void dumpNewerThanTheTargetVersionIsIgnored() throws Exception {
		TestMigration v1 = TestMigration.of("1", "CREATE TABLE users (id int)");
		TestMigration v2 = TestMigration.of("2", "CREATE TABLE audit (id int)");
		String dump = dumpOf(v1, v2);
		TestMigration replayed = TestMigration.of("1", "CREATE TABLE users (id int)");
		HikariDataSource dataSource = database("target");
		Migrator
			.create(dataSource, List.of(replayed, TestMigration.of("2", "CREATE TABLE audit (id int)")), fresh(dump))
			.migrate("1");
		assertThat(replayed.runs()).isOne();
	}

	@Test
	void dumpWithoutItsVersionLineFailsWhenTheMigratorIsCreated() throws Exception {
		HikariDataSource dataSource = database("unversioned");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Migrator.create(dataSource, List.of(),
					MigratorSettings.defaults("dataSource")
						.withFreshSchema(new FreshSchema(LOCATION, "CREATE TABLE users (id int);\n"))))
			.withMessage("Fresh schema classpath:db/schema.sql of DataSource 'dataSource' does not end with the line "
					+ "'-- Schema at version <version>' that Migrator.dumpSchema() writes. Regenerate the dump, "
					+ "or correct migrations.fresh-schema.");
	}

	@Test
	void schemaDumpCheckPassesForACurrentDump() throws Exception {
		TestMigration v2 = TestMigration.of("2", "CREATE TABLE audit (id int)");
		String dump = dumpOf(schema(), v2);
		MigrationTester
			.of(database("replayed"), List.of(schema(), TestMigration.of("2", "CREATE TABLE audit (id int)")))
			.checkSchemaDump(database("loaded"), dump);
	}

	@Test
	void schemaDumpCheckCatchesADumpOneMigrationBehind() throws Exception {
		String behind = dumpOf(schema());
		MigrationTester tester = MigrationTester.of(database("replayed"),
				List.of(schema(), TestMigration.of("2", "CREATE TABLE audit (id int)")));
		HikariDataSource loaded = database("loaded");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.checkSchemaDump(loaded, behind))
			.withMessageStartingWith("The schema dump is of version 1 and the migrations reach version 2. "
					+ "Regenerate the dump from the migrations")
			.withMessageContaining("table audit: only in expected");
	}

	@Test
	void schemaDumpCheckCatchesADumpWithoutAnObjectNamingIt() throws Exception {
		String dump = dumpOf(schema());
		String incomplete = Arrays.stream(dump.split("\n\n"))
			.filter((statement) -> !statement.startsWith("CREATE TRIGGER orders_touch"))
			.collect(Collectors.joining("\n\n"));
		assertThat(incomplete).isNotEqualTo(dump);
		MigrationTester tester = MigrationTester.of(database("replayed"), List.of(schema()));
		HikariDataSource loaded = database("loaded");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.checkSchemaDump(loaded, incomplete))
			.withMessageStartingWith("The schema dump is of version 1 and the migrations reach version 1.")
			.withMessageContaining(missingTrigger() + ": only in expected");
	}

	@Test
	void dumpWithRepeatablesAppliedIsStampedAtTheNewestVersionAndKeptHonest() throws Exception {
		TestMigration v1 = TestMigration.of("1", "CREATE TABLE users (id int PRIMARY KEY)");
		R__UserIds userIds = new R__UserIds();
		Migrator source = Migrator.create(database("source"), List.of(v1, userIds),
				MigratorSettings.defaults("dataSource"));
		source.migrate();
		String dump = source.dumpSchema();
		assertThat(dump).contains("user_ids").endsWith("\n-- Schema at version 1\n");
		MigrationTester.of(database("replayed"), List.of(v1, new R__UserIds()))
			.checkSchemaDump(database("loaded"), dump);
		HikariDataSource fresh = database("fresh");
		R__UserIds again = new R__UserIds();
		RunResult created = Migrator.create(fresh, List.of(v1, again), fresh(dump)).migrate();
		assertThat(created.outcomes()).extracting(MigrationOutcome::operation, MigrationOutcome::version)
			.containsExactly(tuple(Operation.BASELINE, "1"), tuple(Operation.UP, null));
		assertThat(again.runs).isOne();
		assertThat(Migrator.create(fresh, List.of(v1, again), fresh(dump)).migrate().count()).isZero();
		assertThat(again.runs).isOne();
		assertThat(Migrator.create(fresh, List.of(v1, again), fresh(dump)).dumpSchema()).isEqualTo(dump);
	}

	private String dumpOf(TestMigration... migrations) throws Exception {
		Migrator migrator = Migrator.create(database("dumped"), List.of(migrations),
				MigratorSettings.defaults("dataSource"));
		migrator.migrate();
		return migrator.dumpSchema();
	}

	private TestMigration schema() {
		return TestMigration.of("1", everyObjectKind());
	}

	private Migrator migrator(HikariDataSource dataSource, TestMigration migration) {
		return Migrator.create(dataSource, List.of(migration), MigratorSettings.defaults("dataSource"));
	}

	private Migrator migrator(HikariDataSource dataSource, MigratorSettings settings) {
		return Migrator.create(dataSource, List.of(), settings);
	}

	private static MigratorSettings fresh(String dump) {
		return MigratorSettings.defaults("dataSource").withFreshSchema(new FreshSchema(LOCATION, dump));
	}

	private HikariDataSource database(String name) throws Exception {
		HikariDataSource dataSource = createDataSource(name);
		this.dataSources.add(dataSource);
		return dataSource;
	}

	static final class R__UserIds implements RepeatableMigration {

		int runs;

		@Override
		public void up(MigrationContext context) {
			this.runs++;
			context.jdbc().execute("DROP VIEW IF EXISTS user_ids");
			context.jdbc().execute("CREATE VIEW user_ids AS SELECT id FROM users");
		}

		@Override
		public String checksum() {
			return "1";
		}

	}

}
