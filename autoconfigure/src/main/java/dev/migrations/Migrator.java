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
	 * Reverse the given number of most recently applied migrations, newest first.
	 * @param steps how many migrations to reverse, at least 1
	 * @return what was reversed
	 * @throws IrreversibleMigrationException when one on the path cannot go down
	 */
	RunResult rollback(int steps);

	/**
	 * Reverse every applied migration newer than the given version, which stays applied;
	 * {@code "0"} reverses them all.
	 * @param version the version to return to
	 * @return what was reversed
	 * @throws IrreversibleMigrationException when one on the path cannot go down
	 */
	RunResult rollbackTo(String version);

	/**
	 * Stamp a database that has no history at the given version, without running
	 * anything.
	 * @param version the version the database is at
	 * @return the stamp
	 */
	RunResult baseline(String version);

	/**
	 * Clear failed attempts, accept changed checksums and forget missing migrations.
	 * @return what was repaired
	 */
	RepairResult repair();

	/**
	 * Apply every pending migration in transactions that are rolled back.
	 * @return what would succeed and what would fail
	 */
	DryRunResult dryRun();

	/**
	 * Return the database's schema as an SQL script that recreates it.
	 * @return the script
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
