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

package dev.migrations;

import java.util.List;

import javax.sql.DataSource;

import dev.migrations.engine.DefaultMigrator;

/**
 * Migrates one DataSource: reports where it stands and moves it up or down. The
 * application's runner and the actuator endpoint only call this interface; it can also be
 * used from plain code through {@link #create(DataSource, List, MigratorSettings)}.
 *
 * @since 0.1.0
 */
public interface Migrator {

	/**
	 * Return the bean name of the DataSource this migrator migrates.
	 * @return the DataSource name
	 */
	String dataSourceName();

	/**
	 * Report where the database stands. Never waits for the migration lock.
	 * @return the status
	 */
	DatabaseStatus status();

	/**
	 * Apply every pending migration up to the configured target version.
	 * @return what was applied
	 * @throws MigrationValidationException when the migrations and the history disagree
	 * @throws MigrationFailedException when a migration fails
	 * @throws MigrationRefusedException when {@code migrations.group} asks for one
	 * transaction on a database whose DDL commits on its own
	 * @throws LockTimeoutException when another instance holds the lock too long
	 */
	RunResult migrate();

	/**
	 * Apply every pending migration up to and including the given version.
	 * @param targetVersion the last version to apply
	 * @return what was applied
	 * @throws MigrationValidationException when the migrations and the history disagree
	 * @throws MigrationFailedException when a migration fails
	 * @throws LockTimeoutException when another instance holds the lock too long
	 */
	RunResult migrate(String targetVersion);

	/**
	 * Reverse the given number of newest applied migrations, newest version first, each
	 * in its own transaction with its {@code DOWN} history row. Reversed versions are
	 * pending again, so {@link #migrate()} re-applies them.
	 * @param steps how many migrations to reverse, at least 1
	 * @return what was reversed
	 * @throws MigrationException when {@code steps} is below 1, before anything is
	 * touched
	 * @throws MigrationRefusedException when fewer than {@code steps} are applied (or
	 * none is), before anything is touched
	 * @throws IrreversibleMigrationException when one on the path cannot go down (or its
	 * code is gone), before anything is reversed
	 * @throws MigrationFailedException when a {@code down} fails; it is rolled back and
	 * recorded, and nothing older is reversed
	 * @throws LockTimeoutException when another instance holds the lock too long
	 */
	RunResult rollback(int steps);

	/**
	 * Reverse every applied migration newer than the given version, which stays applied,
	 * newest version first, each in its own transaction with its {@code DOWN} history
	 * row; {@code "0"} reverses them all. Reversed versions are pending again.
	 * @param version the version to return to: an applied version, the baseline, or
	 * {@code "0"}
	 * @return what was reversed; nothing when the database is at that version already
	 * @throws MigrationException when the version is not digits and dots, before anything
	 * is touched
	 * @throws MigrationRefusedException when the version is not declared, was never
	 * applied or lies below the baseline, before anything is touched
	 * @throws IrreversibleMigrationException when one on the path cannot go down (or its
	 * code is gone), before anything is reversed
	 * @throws MigrationFailedException when a {@code down} fails; it is rolled back and
	 * recorded, and nothing older is reversed
	 * @throws LockTimeoutException when another instance holds the lock too long
	 */
	RunResult rollbackTo(String version);

	/**
	 * Stamp a database that has no history at the given version, without running
	 * anything: a {@code BASELINE} history row. Migrations at or below it are never
	 * applied and report {@code BELOW_BASELINE}; later ones run as usual.
	 * @param version the version the database is at, digits separated by dots; it need
	 * not be declared by a migration
	 * @return the stamp
	 * @throws MigrationException when the version is not digits and dots
	 * @throws MigrationRefusedException when the history already has entries; nothing is
	 * changed
	 * @throws LockTimeoutException when another instance holds the lock too long
	 */
	RunResult baseline(String version);

	/**
	 * Clear failed attempts (so that a failed non-transactional migration may run again),
	 * accept changed checksums of applied migrations and forget applied migrations whose
	 * code is gone: one {@code REPAIR} history row each, committed together. Check the
	 * database by hand first: a failed non-transactional migration may have left a
	 * partial change.
	 * @return what was repaired, empty when nothing needed it
	 * @throws LockTimeoutException when another instance holds the lock too long
	 */
	RepairResult repair();

	/**
	 * Apply every pending migration, history rows included, in a transaction that is
	 * rolled back, and report per migration whether it succeeded or its error. A failing
	 * migration is undone on its own and the next one is checked on top of those that
	 * succeeded. Non-transactional migrations are not run and are reported as not
	 * checked. Needs transactional DDL (PostgreSQL, SQLite); the database, history
	 * included, is left as it was.
	 * @return what would succeed and what would fail
	 * @throws MigrationValidationException when the migrations and the history disagree
	 * @throws MigrationRefusedException when the database cannot roll back DDL
	 * @throws LockTimeoutException when another instance holds the lock too long
	 */
	DryRunResult dryRun();

	/**
	 * Run every pending migration as {@link #dryRun()} does, rolled back, and observe
	 * from its own session what it does to tables that existed before it: the locks it
	 * holds, the tables and indexes it rewrites, constraints added validated, indexes
	 * built without {@code CONCURRENTLY}, columns dropped or renamed; each judged by the
	 * safety rules. Observed on PostgreSQL; elsewhere the report lists every migration as
	 * not checked.
	 * @return the report
	 * @throws MigrationValidationException when the migrations and the history disagree
	 * @throws MigrationRefusedException when the database cannot roll back DDL
	 * @throws LockTimeoutException when another instance holds the lock too long
	 * @since 0.3.0
	 */
	default SafetyReport safetyReport() {
		throw new UnsupportedOperationException(getClass().getName() + " does not observe migrations");
	}

	/**
	 * Return the database's schema as an SQL script that recreates it: tables with
	 * columns, defaults, identity columns and sequences, constraints and indexes, views,
	 * and on PostgreSQL enum types, functions and triggers (from the catalog; no
	 * {@code pg_dump} needed), on SQLite the {@code sqlite_master} definitions. The
	 * history table is left out, and rows are not dumped. The same schema always dumps to
	 * the same text; the last line names the version, so that the script can serve as
	 * {@link MigratorSettings#freshSchema()}. Never waits for the migration lock.
	 * @return the script
	 * @throws MigrationException when the database cannot be read
	 */
	String dumpSchema();

	/**
	 * Create the default migrator for plain code, outside a Spring application context.
	 * @param dataSource the DataSource to migrate
	 * @param migrations the migrations, in any order
	 * @param settings how to run
	 * @return the migrator
	 * @throws MigrationValidationException when the migrations are invalid
	 */
	static Migrator create(DataSource dataSource, List<? extends Migration> migrations, MigratorSettings settings) {
		return new DefaultMigrator(dataSource, migrations, settings, new MigrationListener() {
		});
	}

}
