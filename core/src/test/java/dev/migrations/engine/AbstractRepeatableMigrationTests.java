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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.DryRunResult;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.FreshSchema;
import dev.migrations.RepairResult;
import dev.migrations.RepeatableMigration;
import dev.migrations.RunResult;
import dev.migrations.testsupport.RowCountingDataSource;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repeatable migrations, the same on every database: SQL files {@code R__*.sql} and
 * {@link RepeatableMigration} beans, run after the versioned migrations whenever their
 * checksum changed. Each test writes its SQL files into a folder of its own.
 */
abstract class AbstractRepeatableMigrationTests {

	private static final String USERS = "CREATE TABLE users (id int, name varchar(50));";

	private static final String USER_NAMES = "DROP VIEW IF EXISTS user_names;\n"
			+ "CREATE VIEW user_names AS SELECT name FROM users;\n";

	protected HikariDataSource dataSource;

	protected JdbcTemplate jdbc;

	@TempDir
	protected Path folder;

	private final SqlMigrationLoader loader = new SqlMigrationLoader(new DefaultResourceLoader());

	/**
	 * Return a DataSource on a new, empty database; {@code name} tells several apart.
	 */
	protected abstract HikariDataSource createDataSource(String name) throws Exception;

	@BeforeEach
	void openDatabase() throws Exception {
		this.dataSource = createDataSource("main");
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void closeDatabase() throws SQLException {
		try {
			HistoryStates.assertNewestRowMatchesHistory(this.dataSource);
		}
		finally {
			this.dataSource.close();
		}
	}

	@Test
	void repeatablesRunAfterVersionedOnesOrderedByDescription() throws IOException {
		write("V1__create_users.sql", USERS + "\nCREATE TABLE runs (name varchar(20));");
		write("R__b_second.sql", "INSERT INTO runs VALUES ('b');");
		write("R__a_first.sql", "INSERT INTO runs VALUES ('a');");
		write("V2__add_user.sql", "INSERT INTO users VALUES (1, 'Ann'); INSERT INTO runs VALUES ('2');");
		RunResult result = migrator().migrate();
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("1", "2", null, null);
		assertThat(result.outcomes()).extracting(MigrationOutcome::description)
			.containsExactly("create users", "add user", "a first", "b second");
		assertThat(result.toVersion()).isEqualTo("2");
		assertThat(this.jdbc.queryForList("SELECT name FROM runs", String.class)).containsExactly("2", "a", "b");
		assertThat(this.jdbc.queryForList(
				"SELECT kind || ':' || description FROM schema_migrations WHERE version IS NULL ORDER BY id",
				String.class))
			.containsExactly("SQL:a first", "SQL:b second");
	}

	@Test
	void unchangedRepeatableIsNotRunAgainAndStartUpReadsOneHistoryRow() throws IOException {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", USER_NAMES);
		R__CountUsers java = new R__CountUsers("1");
		migrator(java).migrate();
		int rows = historyRows();
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		RunResult second = Migrator.create(counting, migrations(java), settings()).migrate();
		assertThat(second.count()).isZero();
		assertThat(second.toVersion()).isEqualTo("1");
		assertThat(counting.rowsRead()).isOne();
		assertThat(historyRows()).isEqualTo(rows);
		assertThat(java.runs).hasValue(1);
	}

	@Test
	void editedRepeatableFileIsOutdatedThenRunsAgain() throws IOException {
		write("V1__create_users.sql", USERS + "\nINSERT INTO users VALUES (1, 'Ann');");
		write("R__user_names.sql", USER_NAMES);
		migrator().migrate();
		write("R__user_names.sql", "DROP VIEW IF EXISTS user_names;\n"
				+ "CREATE VIEW user_names AS SELECT upper(name) AS name FROM users;\n");
		DatabaseStatus outdated = migrator().status();
		assertThat(outdated.state()).isEqualTo(DatabaseState.PENDING);
		assertThat(outdated.pending()).isOne();
		assertThat(repeatable(outdated, "user names").state()).isEqualTo(MigrationState.OUTDATED);
		int rows = historyRows();
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		RunResult rerun = Migrator.create(counting, migrations(), settings()).migrate();
		assertThat(counting.rowsRead()).isGreaterThan(1);
		assertThat(rerun.outcomes()).singleElement().satisfies((outcome) -> {
			assertThat(outcome.version()).isNull();
			assertThat(outcome.description()).isEqualTo("user names");
		});
		assertThat(rerun.toVersion()).isEqualTo("1");
		assertThat(historyRows()).isEqualTo(rows + 1);
		assertThat(this.jdbc.queryForObject("SELECT name FROM user_names", String.class)).isEqualTo("ANN");
		DatabaseStatus applied = migrator().status();
		assertThat(applied.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(repeatable(applied, "user names").state()).isEqualTo(MigrationState.APPLIED);
	}

	@Test
	void javaRepeatableRunsAgainWhenItsChecksumChanges() throws IOException {
		write("V1__create_users.sql", USERS);
		R__CountUsers first = new R__CountUsers("1");
		migrator(first).migrate();
		assertThat(migrator(new R__CountUsers("1")).migrate().count()).isZero();
		R__CountUsers second = new R__CountUsers("2");
		RunResult rerun = migrator(second).migrate();
		assertThat(rerun.count()).isOne();
		assertThat(second.runs).hasValue(1);
		assertThat(this.jdbc.queryForObject("SELECT n FROM user_count", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT checksum FROM schema_migrations WHERE version IS NULL ORDER BY id",
				String.class))
			.containsExactly("1", "2");
	}

	@Test
	void statusListsRepeatablesWithoutVersionAfterTheVersionedOnes() throws IOException {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", USER_NAMES);
		DatabaseStatus before = migrator(new R__CountUsers("1")).status();
		assertThat(before.state()).isEqualTo(DatabaseState.PENDING);
		assertThat(before.pending()).isEqualTo(3);
		assertThat(before.migrations()).extracting(MigrationInfo::version).containsExactly("1", null, null);
		assertThat(before.migrations()).extracting(MigrationInfo::repeatable).containsExactly(false, true, true);
		assertThat(before.migrations()).extracting(MigrationInfo::description)
			.containsExactly("create users", "Count users", "user names");
		assertThat(before.migrations()).extracting(MigrationInfo::kind)
			.containsExactly(MigrationKind.SQL, MigrationKind.JAVA, MigrationKind.SQL);
		assertThat(before.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.PENDING, MigrationState.PENDING, MigrationState.PENDING);
		migrator(new R__CountUsers("1")).migrate();
		DatabaseStatus after = migrator(new R__CountUsers("1")).status();
		assertThat(after.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(after.currentVersion()).isEqualTo("1");
		assertThat(after.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED);
		assertThat(after.migrations().get(1).appliedAt()).isNotNull();
		assertThat(after.history()).extracting((entry) -> entry.version()).containsExactly(null, null, "1");
		assertThat(after.history()).extracting((entry) -> entry.description())
			.containsExactly("user names", "Count users", "create users");
	}

	@Test
	void duplicateRepeatableDescriptionsAreRefusedNamingBothSources() throws IOException {
		write("first/R__user_names.sql", USER_NAMES);
		write("second/R__user_names.sql", USER_NAMES);
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Descriptions of repeatable migrations must be unique, but 'user names' is declared "
					+ "by filesystem:" + this.folder + "/first/R__user_names.sql and filesystem:" + this.folder
					+ "/second/R__user_names.sql. Rename one of them.");
		assertThat(tables()).doesNotContain("schema_migrations");
	}

	@Test
	void javaRepeatableWithoutChecksumIsRefused() {
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(new R__CountUsers(null)).migrate())
			.withMessageContaining(
					"Repeatable migration " + R__CountUsers.class.getName() + " ('Count users') returns no checksum")
			.withMessageContaining("Return one from checksum()");
		assertThat(tables()).doesNotContain("schema_migrations");
	}

	@Test
	void misnamedJavaRepeatableIsRefused() {
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(new CountUsersView()).migrate())
			.withMessageContaining("Repeatable migration " + CountUsersView.class.getName()
					+ " is not named R__<Description> (for example R__CreateUserView). "
					+ "Rename it, or override description().");
	}

	@Test
	void repeatableWhoseFileIsGoneIsReportedMissingAndRepairForgetsIt() throws IOException {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", USER_NAMES);
		migrator().migrate();
		Files.delete(this.folder.resolve("R__user_names.sql"));
		assertThat(migrator().migrate().count()).isZero();
		DatabaseStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.problems()).isEmpty();
		MigrationInfo missing = repeatable(status, "user names");
		assertThat(missing.state()).isEqualTo(MigrationState.MISSING);
		assertThat(missing.version()).isNull();
		RepairResult repair = migrator().repair();
		assertThat(repair.missingForgotten()).containsExactly("user names");
		assertThat(migrator().status().migrations()).extracting(MigrationInfo::version).containsExactly("1");
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		assertThat(Migrator.create(counting, migrations(), settings()).migrate().count()).isZero();
		assertThat(counting.rowsRead()).isOne();
	}

	@Test
	void failingRepeatableRollsBackAndIsRecordedFailed() throws IOException {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", "CREATE TABLE half_done (id int);\nINSERT INTO missing_table VALUES (1);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Migration 'user names' (filesystem:" + this.folder + "/R__user_names.sql) on "
					+ "DataSource 'dataSource' failed and was rolled back")
			.withMessageContaining("The statement at line 2 of R__user_names.sql failed")
			.satisfies((ex) -> assertThat(ex.version()).isNull());
		assertThat(tables()).contains("users").doesNotContain("half_done");
		DatabaseStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.PENDING);
		MigrationInfo failed = repeatable(status, "user names");
		assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
		assertThat(failed.error()).contains("missing_table");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations WHERE version IS NULL "
				+ "AND operation = 'UP' AND success = false", Integer.class))
			.isOne();
		write("R__user_names.sql", USER_NAMES);
		assertThat(migrator().migrate().count()).isOne();
		assertThat(repeatable(migrator().status(), "user names").state()).isEqualTo(MigrationState.APPLIED);
	}

	@Test
	void failedNonTransactionalRepeatableBlocksUntilRepaired() throws IOException {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", "-- migrations: transactional=false\nINSERT INTO missing_table VALUES (1);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("outside a transaction and may have left a partial change");
		int rows = historyRows();
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("Migration 'user names' (filesystem:" + this.folder
					+ "/R__user_names.sql) is not transactional and failed at ")
			.withMessageContaining("then run repair.");
		assertThat(historyRows()).isEqualTo(rows);
		assertThat(migrator().repair().failuresCleared()).containsExactly("user names");
		write("R__user_names.sql", "-- migrations: transactional=false\n" + USER_NAMES);
		assertThat(migrator().migrate().count()).isOne();
		assertThat(repeatable(migrator().status(), "user names").state()).isEqualTo(MigrationState.APPLIED);
	}

	@Test
	void repeatablesJoinAGroupRun() throws IOException {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", USER_NAMES);
		write("R__broken.sql", "INSERT INTO missing_table VALUES (1);");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> Migrator.create(this.dataSource, migrations(), settings().withGroup(true)).migrate())
			.withMessageContaining("the whole group, 1 migrations before it included, was rolled back");
		assertThat(tables()).doesNotContain("users", "user_names");
	}

	@Test
	void runToATargetVersionLeavesRepeatablesPending() throws IOException {
		write("V1__create_users.sql", USERS);
		write("V2__add_user.sql", "INSERT INTO users VALUES (1, 'Ann');");
		write("R__user_names.sql", USER_NAMES);
		RunResult toOne = migrator().migrate("1");
		assertThat(toOne.outcomes()).extracting(MigrationOutcome::version).containsExactly("1");
		assertThat(tables()).doesNotContain("user_names");
		RunResult rest = migrator().migrate();
		assertThat(rest.outcomes()).extracting(MigrationOutcome::version).containsExactly("2", null);
	}

	@Test
	void rollbackCountsVersionedMigrationsAndReversesRepeatablesThatHaveADownScript() throws IOException {
		write("V1__create_users.sql", USERS);
		write("V1__create_users.down.sql", "DROP TABLE users;");
		write("V2__create_notes.sql", "CREATE TABLE notes (id int);");
		write("V2__create_notes.down.sql", "DROP TABLE notes;");
		write("R__user_names.sql", USER_NAMES);
		write("R__user_names.down.sql", "DROP VIEW user_names;");
		R__CountUsers irreversible = new R__CountUsers("1");
		migrator(irreversible).migrate();
		DatabaseStatus applied = migrator(irreversible).status();
		assertThat(repeatable(applied, "user names").reversible()).isTrue();
		assertThat(repeatable(applied, "Count users").reversible()).isFalse();
		RunResult rollback = migrator(irreversible).rollback(1);
		assertThat(rollback.outcomes()).extracting(MigrationOutcome::version).containsExactly(null, "2");
		assertThat(rollback.toVersion()).isEqualTo("1");
		assertThat(tables()).contains("users", "user_count").doesNotContain("notes", "user_names");
		DatabaseStatus after = migrator(irreversible).status();
		assertThat(repeatable(after, "user names").state()).isEqualTo(MigrationState.PENDING);
		assertThat(repeatable(after, "Count users").state()).isEqualTo(MigrationState.APPLIED);
		RunResult again = migrator(irreversible).migrate();
		assertThat(again.outcomes()).extracting(MigrationOutcome::description)
			.containsExactly("create notes", "user names");
		assertThat(irreversible.runs).hasValue(1);
	}

	@Test
	void dryRunChecksPendingRepeatables() throws IOException {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", USER_NAMES);
		write("R__broken.sql", "INSERT INTO missing_table VALUES (1);");
		DryRunResult result = migrator().dryRun();
		assertThat(result.success()).isFalse();
		assertThat(result.outcomes()).extracting(MigrationOutcome::description)
			.containsExactly("create users", "broken", "user names");
		assertThat(result.outcomes()).extracting(MigrationOutcome::success).containsExactly(true, false, true);
		assertThat(tables()).doesNotContain("users", "user_names");
	}

	@Test
	void freshSchemaRunsRepeatablesOnceAndLeavesNonePending() throws Exception {
		write("V1__create_users.sql", USERS);
		write("R__user_names.sql", USER_NAMES);
		migrator().migrate();
		String dump = migrator().dumpSchema();
		assertThat(dump).contains("-- Schema at version 1");
		try (HikariDataSource fresh = createDataSource("fresh")) {
			MigratorSettings fromDump = settings().withFreshSchema(new FreshSchema("classpath:db/schema.sql", dump));
			RunResult created = Migrator.create(fresh, migrations(), fromDump).migrate();
			assertThat(created.outcomes()).extracting(MigrationOutcome::description)
				.containsExactly("Baseline", "user names");
			DatabaseStatus status = Migrator.create(fresh, migrations(), fromDump).status();
			assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
			assertThat(status.migrations()).extracting(MigrationInfo::state)
				.containsExactly(MigrationState.BASELINE, MigrationState.APPLIED);
			RowCountingDataSource counting = new RowCountingDataSource(fresh);
			assertThat(Migrator.create(counting, migrations(), fromDump).migrate().count()).isZero();
			assertThat(counting.rowsRead()).isOne();
			assertThat(Migrator.create(fresh, migrations(), fromDump).dumpSchema()).isEqualTo(dump);
			HistoryStates.assertNewestRowMatchesHistory(fresh);
		}
	}

	@Test
	void historyWrittenBeforeRepeatablesExistedStillStartsFastAndTakesThemOn() throws IOException {
		write("V1__create_users.sql", USERS);
		migrator().migrate();
		// What a release without repeatable migrations wrote: format 2, no repeatable
		// sums.
		List<String> states = this.jdbc.queryForList("SELECT applied_state FROM schema_migrations", String.class);
		for (String state : states) {
			String[] parts = state.split(";", -1);
			String older = "2;" + String.join(";", Arrays.copyOfRange(parts, 1, 5));
			this.jdbc.update("UPDATE schema_migrations SET applied_state = ? WHERE applied_state = ?", older, state);
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations WHERE applied_state LIKE '2;%'",
				Integer.class))
			.isEqualTo(states.size());
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		assertThat(Migrator.create(counting, migrations(), settings()).migrate().count()).isZero();
		assertThat(counting.rowsRead()).isOne();
		write("R__user_names.sql", USER_NAMES);
		assertThat(migrator().migrate().count()).isOne();
		counting.reset();
		assertThat(Migrator.create(counting, migrations(), settings()).migrate().count()).isZero();
		assertThat(counting.rowsRead()).isOne();
	}

	protected MigrationInfo repeatable(DatabaseStatus status, String description) {
		return status.migrations()
			.stream()
			.filter((info) -> info.repeatable() && info.description().equals(description))
			.findFirst()
			.orElseThrow();
	}

	protected void write(String name, String content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	protected List<Migration> migrations(Migration... java) {
		List<Migration> migrations = new ArrayList<>(
				this.loader.load("dataSource", List.of("filesystem:" + this.folder), Map.of()));
		migrations.addAll(List.of(java));
		return migrations;
	}

	protected Migrator migrator(Migration... java) {
		return Migrator.create(this.dataSource, migrations(java), settings());
	}

	protected MigratorSettings settings() {
		return MigratorSettings.defaults("dataSource");
	}

	protected int historyRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class);
	}

	protected List<String> tables() {
		try (var connection = this.dataSource.getConnection();
				var result = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE", "VIEW" })) {
			List<String> tables = new ArrayList<>();
			while (result.next()) {
				tables.add(result.getString("TABLE_NAME"));
			}
			return tables;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final class R__CountUsers implements RepeatableMigration {

		private final String checksum;

		final AtomicInteger runs = new AtomicInteger();

		R__CountUsers(String checksum) {
			this.checksum = checksum;
		}

		@Override
		public void up(MigrationContext context) {
			this.runs.incrementAndGet();
			context.jdbc().execute("DROP VIEW IF EXISTS user_count");
			context.jdbc().execute("CREATE VIEW user_count AS SELECT count(*) AS n FROM users");
		}

		@Override
		public String checksum() {
			return this.checksum;
		}

	}

	static final class CountUsersView implements RepeatableMigration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String checksum() {
			return "1";
		}

	}

}
