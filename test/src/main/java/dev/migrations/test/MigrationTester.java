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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;
import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationState;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.FreshSchema;
import dev.migrations.SafetyReport;
import dev.migrations.dialect.Dialect;
import dev.migrations.engine.SqlTextCheck;
import dev.migrations.engine.Version;
import dev.migrations.schema.SchemaDiff;
import dev.migrations.schema.SchemaDump;
import dev.migrations.schema.SchemaSnapshot;

import org.springframework.util.Assert;

/**
 * Checks migrations against a real database from a test: every pending migration goes up,
 * down and up again, and the schema after {@code down} must equal the schema before
 * {@code up}. Use a database of the test's own, empty or at the version to start from;
 * the checks leave it migrated to the latest version. Failures are
 * {@link AssertionError}s naming the version and listing the differences, so any test
 * framework reports them; nothing here depends on one. <pre class="code">
 * MigrationTester.of(dataSource, List.of(new V1__CreateUsers(), new V2__AddEmail())).checkRoundTrips();
 * </pre>
 * <p>
 * A migration that declares no {@code down} cannot make the round trip: it is applied, so
 * that later migrations are checked on top of it, and listed in
 * {@link RoundTripReport#irreversible()}.
 * <p>
 * {@link dev.migrations.RepeatableMigration Repeatable migrations} run after every
 * versioned one has made its round trip, as a run to the latest version applies them;
 * they are listed in {@link RoundTripReport#repeatables()}.
 * <p>
 * {@link #checkSchemaDump(DataSource, String)} keeps a schema dump used as
 * {@code migrations.fresh-schema} honest: a database built from it must have the schema
 * of one built by replaying every migration.
 * <p>
 * {@link #checkEntitiesMatch(EntityManagerFactory)} keeps JPA entities and migrations in
 * step: Hibernate compares the migrated schema with the entity model.
 *
 * @since 0.1.0
 */
public final class MigrationTester {

	private final DataSource dataSource;

	private final Migrator migrator;

	private final MigratorSettings settings;

	private final boolean columnOrder;

	private MigrationTester(DataSource dataSource, Migrator migrator, MigratorSettings settings, boolean columnOrder) {
		this.dataSource = dataSource;
		this.migrator = migrator;
		this.settings = settings;
		this.columnOrder = columnOrder;
	}

	/**
	 * Create a tester with the default settings: the history table
	 * {@code schema_migrations} in the connection's schema.
	 * @param dataSource the database to test on, of the test's own
	 * @param migrations the migrations, in any order
	 * @return the tester
	 */
	public static MigrationTester of(DataSource dataSource, List<? extends Migration> migrations) {
		return of(dataSource, migrations, MigratorSettings.defaults("dataSource"));
	}

	/**
	 * Create a tester with the given settings, such as those of the application.
	 * @param dataSource the database to test on, of the test's own
	 * @param migrations the migrations, in any order
	 * @param settings where the history table and schema are
	 * @return the tester
	 */
	public static MigrationTester of(DataSource dataSource, List<? extends Migration> migrations,
			MigratorSettings settings) {
		Assert.notNull(dataSource, "'dataSource' must not be null");
		Assert.notNull(migrations, "'migrations' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		MigratorSettings withoutDump = settings.withFreshSchema(null);
		return new MigrationTester(dataSource, Migrator.create(dataSource, migrations, withoutDump), withoutDump,
				false);
	}

	/**
	 * Return a tester that also fails a round trip when {@code down} restores the columns
	 * of a table in another order. By default order alone is no failure: PostgreSQL can
	 * only re-add a dropped column last.
	 * @return a tester on the same database and migrations that compares column order
	 * @since 0.2.0
	 */
	public MigrationTester comparingColumnOrder() {
		return new MigrationTester(this.dataSource, this.migrator, this.settings, true);
	}

	/**
	 * Check every pending migration in version order: snapshot the schema, apply it,
	 * reverse it, compare with the snapshot, apply it again and compare with the schema
	 * after the first {@code up}.
	 * @return the versions checked and those applied without a round trip because they
	 * are irreversible
	 * @throws AssertionError naming the version when a migration fails or its
	 * {@code down} does not restore the schema, with the differences
	 */
	public RoundTripReport checkRoundTrips() {
		return check(pending(null));
	}

	/**
	 * Check only the migrations newer than the given version, for a project whose older
	 * migrations predate reversible ones: the database is first migrated up to that
	 * version without checks, then every newer pending migration makes the round trip.
	 * @param version the newest version not to check; a declared version
	 * @return the versions checked and those applied without a round trip
	 * @throws AssertionError naming the version when a migration fails or its
	 * {@code down} does not restore the schema, with the differences
	 */
	public RoundTripReport checkRoundTripsAfter(String version) {
		Assert.hasText(version, "'version' must not be empty");
		Version start = Version.parse(version);
		up(version, "going up to the starting version " + version);
		return check(pending(start));
	}

	/**
	 * Observe every pending migration in a dry run (rolled back: the database stays as it
	 * is) and fail when one does something unsafe while the application runs that it does
	 * not accept: rewriting a table, building an index without {@code CONCURRENTLY},
	 * adding a validated constraint, setting {@code NOT NULL}, dropping or renaming a
	 * column or table of an existing table. Observed on PostgreSQL; on SQLite every
	 * migration is reported as not checked. Write the result as SARIF with
	 * {@link SafetySarif#of(SafetyReport)}.
	 * @return the report, when no unaccepted error was found
	 * @throws AssertionError listing the report, naming each unaccepted error with its
	 * safe recipe
	 * @since 0.3.0
	 */
	public SafetyReport checkSafety() {
		SafetyReport report = safetyReport();
		List<SafetyReport.Finding> errors = report.unaccepted(SafetyReport.Level.ERROR);
		if (!errors.isEmpty()) {
			StringBuilder message = new StringBuilder().append(errors.size())
				.append(" unaccepted safety errors in the pending migrations:");
			for (SafetyReport.Finding error : errors) {
				message.append("\n  ").append(error.version()).append(' ').append(error.rule()).append(": ");
				message.append(error.message());
			}
			throw new AssertionError(message.append("\n")
				.append(report.describe())
				.append("Change each as its recipe says, or accept a reviewed finding in the migration itself: "
						+ "@AllowUnsafe(\"rewrite\") on a Java migration, '-- migrations: allow=rewrite' as an SQL "
						+ "file's first line.")
				.toString());
		}
		return report;
	}

	/**
	 * Check the text of SQL file migrations against the safety rules that text alone
	 * shows, without a database: an index built without {@code CONCURRENTLY}, a
	 * constraint without {@code NOT VALID}, {@code SET NOT NULL}, a column type change,
	 * columns or tables dropped or renamed, each on a table the file does not create.
	 * Java migrations are left to {@link #checkSafety()}. Load the files with
	 * {@code new SqlMigrationLoader(new DefaultResourceLoader()).load("dataSource",
	 * List.of("classpath:db/migrations"), Map.of())}.
	 * @param migrations the migrations; those not read from SQL files are skipped
	 * @return every finding, accepted ones included, when none is unaccepted
	 * @throws AssertionError naming each unaccepted finding with its file, line and safe
	 * recipe
	 * @since 0.3.0
	 */
	public static List<SafetyReport.Finding> checkSqlText(List<? extends Migration> migrations) {
		Assert.notNull(migrations, "'migrations' must not be null");
		List<SafetyReport.Finding> findings = new ArrayList<>();
		migrations.forEach((migration) -> findings.addAll(SqlTextCheck.check(migration)));
		StringBuilder message = new StringBuilder();
		int unaccepted = 0;
		for (SafetyReport.Finding finding : findings) {
			if (!finding.accepted()) {
				unaccepted++;
				message.append("\n  ")
					.append(finding.source())
					.append(' ')
					.append(finding.rule())
					.append(": ")
					.append(finding.message())
					.append("\n    safe recipe: ")
					.append(finding.recipe());
			}
		}
		if (unaccepted > 0) {
			throw new AssertionError(unaccepted + " unaccepted safety errors in the SQL files:" + message
					+ "\nChange each as its recipe says, or accept a reviewed one with '-- migrations: allow=<rule>' "
					+ "as the file's first line.");
		}
		return findings;
	}

	/**
	 * Observe every pending migration as {@link #checkSafety()} does, without failing on
	 * what is found: for a report to write, such as SARIF for code scanning.
	 * @return the report
	 * @throws AssertionError when the migrations cannot be observed
	 * @since 0.3.0
	 */
	public SafetyReport safetyReport() {
		try {
			return this.migrator.safetyReport();
		}
		catch (MigrationException ex) {
			throw new AssertionError("Observing the pending migrations failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Check that a schema dump (as {@link Migrator#dumpSchema()} writes it) creates the
	 * same schema as replaying every migration: this tester's database is migrated to the
	 * latest version, the empty database is created from the dump as
	 * {@code migrations.fresh-schema} would, and their snapshots are compared.
	 * @param emptyDataSource a second database of the test's own, empty
	 * @param dump the dump's text, such as the content of {@code db/schema.sql}
	 * @throws AssertionError when the schemas differ, with the differences, or when the
	 * dump names another version than the newest migration
	 */
	public void checkSchemaDump(DataSource emptyDataSource, String dump) {
		Assert.notNull(emptyDataSource, "'emptyDataSource' must not be null");
		Assert.notNull(dump, "'dump' must not be null");
		try {
			this.migrator.migrate();
		}
		catch (MigrationException ex) {
			throw new AssertionError("Replaying the migrations failed: " + ex.getMessage(), ex);
		}
		SchemaSnapshot replayed = snapshot();
		String latest = this.migrator.status().currentVersion();
		MigratorSettings fromDump = this.settings.withFreshSchema(new FreshSchema("the schema dump", dump));
		if (!snapshot(emptyDataSource, fromDump).tables().isEmpty()) {
			throw new AssertionError(
					"The database to load the schema dump into has tables already. Pass an empty one.");
		}
		try {
			Migrator.create(emptyDataSource, List.of(), fromDump).migrate();
		}
		catch (MigrationException ex) {
			throw new AssertionError("Loading the schema dump failed: " + ex.getMessage(), ex);
		}
		SchemaDiff diff = replayed.diff(snapshot(emptyDataSource, fromDump));
		String version = SchemaDump.version(dump);
		if (!diff.isEmpty() || !Objects.equals(version, latest)) {
			throw new AssertionError("The schema dump is of version " + version + " and the migrations reach version "
					+ latest + ". Regenerate the dump from the migrations (Migrator.dumpSchema()).\n"
					+ "Expected: the schema the migrations build; actual: the schema the dump builds.\n" + diff);
		}
	}

	/**
	 * Check that the JPA entities of the given factory match the schema the migrations
	 * build: this tester's database is migrated to the latest version, then Hibernate's
	 * own schema tools compare it with the entity model, for the factory's dialect. It
	 * fails when {@code spring.jpa.hibernate.ddl-auto=validate} would fail (a missing
	 * table or column, a column of another type), and also when Hibernate's schema update
	 * would add anything, such as an index, a unique key or a foreign key the entities
	 * declare. Hibernate must be on the test's classpath (for SQLite,
	 * {@code hibernate-community-dialects}).
	 * @param entityManagerFactory the application's {@code entityManagerFactory} bean,
	 * built by Spring; its persistence unit (entities, mapping files, settings such as
	 * the naming strategy) is rebuilt and compared with this tester's database
	 * @throws AssertionError listing the statements Hibernate would run, which name each
	 * table and column, and what its validation refuses
	 * @since 0.2.0
	 */
	public void checkEntitiesMatch(EntityManagerFactory entityManagerFactory) {
		Assert.notNull(entityManagerFactory, "'entityManagerFactory' must not be null");
		try {
			this.migrator.migrate();
		}
		catch (MigrationException ex) {
			throw new AssertionError("Applying the migrations failed: " + ex.getMessage(), ex);
		}
		EntitySchema.of(entityManagerFactory, this.dataSource).assertMatches();
	}

	private RoundTripReport check(List<MigrationInfo> pending) {
		List<String> checked = new ArrayList<>();
		List<String> irreversible = new ArrayList<>();
		for (MigrationInfo migration : pending) {
			String version = migration.version();
			SchemaSnapshot before = snapshot();
			up(version, "going up");
			if (!migration.reversible()) {
				irreversible.add(version);
				continue;
			}
			SchemaSnapshot afterUp = snapshot();
			down(version);
			assertSame(version, before, snapshot(),
					"its down left the schema different from before its up. " + "Make down undo every change of up.");
			up(version, "going up again after down");
			assertSame(version, afterUp, snapshot(), "going up again after down gave another schema than the first "
					+ "up. Make down undo every change of up, so that up can run again.");
			checked.add(version);
		}
		return new RoundTripReport(checked, irreversible, applyRepeatables());
	}

	/**
	 * Apply the pending repeatable migrations, now that every versioned one is applied.
	 * @return their descriptions, in order
	 */
	private List<String> applyRepeatables() {
		boolean pending = this.migrator.status()
			.migrations()
			.stream()
			.anyMatch((migration) -> migration.repeatable() && migration.state() != MigrationState.APPLIED
					&& migration.state() != MigrationState.MISSING);
		if (!pending) {
			return List.of();
		}
		try {
			return this.migrator.migrate()
				.outcomes()
				.stream()
				.filter((outcome) -> outcome.version() == null)
				.map(MigrationOutcome::description)
				.toList();
		}
		catch (MigrationException ex) {
			throw new AssertionError(
					"Applying the repeatable migrations after the versioned ones failed: " + ex.getMessage(), ex);
		}
	}

	private List<MigrationInfo> pending(@Nullable Version after) {
		List<MigrationInfo> pending = new ArrayList<>();
		for (MigrationInfo migration : this.migrator.status().migrations()) {
			if (migration.version() == null) {
				continue;
			}
			boolean newer = after == null || Version.parse(migration.version()).compareTo(after) > 0;
			if (newer && migration.state() == MigrationState.PENDING) {
				pending.add(migration);
			}
		}
		pending.sort((left, right) -> Version.parse(left.version()).compareTo(Version.parse(right.version())));
		return pending;
	}

	private void up(String version, String step) {
		try {
			this.migrator.migrate(version);
		}
		catch (MigrationException ex) {
			throw new AssertionError("Migration " + version + " failed " + step + ": " + ex.getMessage(), ex);
		}
	}

	private void down(String version) {
		try {
			this.migrator.rollback(1);
		}
		catch (MigrationException ex) {
			throw new AssertionError("Migration " + version + " failed going down: " + ex.getMessage(), ex);
		}
	}

	private void assertSame(String version, SchemaSnapshot expected, SchemaSnapshot actual, String problem) {
		SchemaDiff diff = expected.diff(actual);
		if (!this.columnOrder) {
			diff = diff.ignoringColumnOrder();
		}
		if (!diff.isEmpty()) {
			throw new AssertionError("Migration " + version + ": " + problem + "\n" + diff);
		}
	}

	/**
	 * Read everything the migrations created, in every schema, without the history table.
	 * @return the snapshot
	 */
	SchemaSnapshot snapshot() {
		return snapshot(this.dataSource, this.settings);
	}

	static SchemaSnapshot snapshot(DataSource dataSource, MigratorSettings settings) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseKind kind = Dialect.of(connection).kind();
			return SchemaSnapshot.readAll(connection, kind, settings.schema(), settings.table());
		}
		catch (SQLException ex) {
			throw new MigrationException("Reading the schema of DataSource '" + settings.dataSourceName() + "' failed: "
					+ ex.getMessage() + ". Check that the test database is reachable.", ex);
		}
	}

}
