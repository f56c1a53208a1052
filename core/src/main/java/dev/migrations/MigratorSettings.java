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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How a {@link Migrator} runs against one DataSource. Immutable: use the {@code with…}
 * methods to derive changed settings from {@link #defaults(String)}.
 *
 * @param dataSourceName the DataSource bean name, used in messages and status
 * @param table the history table
 * @param schema the schema of the history table and the migrations' connection, or
 * {@code null} for the connection's default
 * @param targetVersion the version {@link Migrator#migrate()} stops at, or {@code null}
 * for the latest
 * @param outOfOrder whether pending versions older than the newest applied one may run
 * @param baselineOnMigrate whether a database with tables but no history is stamped at
 * {@code baselineVersion} before migrating
 * @param baselineVersion the version a baseline stamps
 * @param lockTimeout how long to wait for another instance's migration lock
 * @param group whether all pending migrations of a run share one transaction
 * @param freshSchema the schema dump an empty database is created from and stamped at its
 * version, or {@code null} to replay every migration
 * @param postgresLock how the migration lock is held on PostgreSQL: on a session of its
 * own, or taken again in each migration's transaction (behind a transaction pooler such
 * as PgBouncer)
 * @since 0.1.0
 */
public record MigratorSettings(String dataSourceName, String table, @Nullable String schema,
		@Nullable String targetVersion, boolean outOfOrder, boolean baselineOnMigrate, String baselineVersion,
		Duration lockTimeout, boolean group, @Nullable FreshSchema freshSchema, PostgresLock postgresLock) {

	public MigratorSettings {
		// Plain checks, not Spring's Assert: classes less to load on the start-up path.
		requireText(dataSourceName, "'dataSourceName' must not be empty");
		requireText(table, "'table' must not be empty");
		requireText(baselineVersion, "'baselineVersion' must not be empty");
		if (lockTimeout == null || lockTimeout.isNegative()) {
			throw new IllegalArgumentException("'lockTimeout' must not be null or negative");
		}
		if (postgresLock == null) {
			throw new IllegalArgumentException("'postgresLock' must not be null");
		}
	}

	/**
	 * Return the default settings: table {@code schema_migrations}, the connection's
	 * schema, every version, in order, a lock timeout of 60 seconds, a transaction per
	 * migration.
	 * @param dataSourceName the DataSource bean name
	 * @return the default settings
	 */
	public static MigratorSettings defaults(String dataSourceName) {
		return new MigratorSettings(dataSourceName, "schema_migrations", null, null, false, false, "1",
				Duration.ofSeconds(60), false, null, PostgresLock.SESSION);
	}

	/**
	 * Return these settings with another history table.
	 * @param table the history table
	 * @return the changed settings
	 */
	public MigratorSettings withTable(String table) {
		return new MigratorSettings(this.dataSourceName, table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.postgresLock);
	}

	/**
	 * Return these settings with another schema.
	 * @param schema the schema, or {@code null} for the connection's default
	 * @return the changed settings
	 */
	public MigratorSettings withSchema(@Nullable String schema) {
		return new MigratorSettings(this.dataSourceName, this.table, schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.postgresLock);
	}

	/**
	 * Return these settings with out-of-order runs allowed or not.
	 * @param outOfOrder whether pending versions older than the newest applied may run
	 * @return the changed settings
	 */
	public MigratorSettings withOutOfOrder(boolean outOfOrder) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.postgresLock);
	}

	/**
	 * Return these settings with another lock timeout.
	 * @param lockTimeout how long to wait for another instance's lock
	 * @return the changed settings
	 */
	public MigratorSettings withLockTimeout(Duration lockTimeout) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, lockTimeout, this.group, this.freshSchema,
				this.postgresLock);
	}

	/**
	 * Return these settings with one transaction for all pending migrations, or not.
	 * @param group whether a run's migrations share one transaction
	 * @return the changed settings
	 */
	public MigratorSettings withGroup(boolean group) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, group, this.freshSchema,
				this.postgresLock);
	}

	/**
	 * Return these settings with a schema dump that creates an empty database, or none.
	 * @param freshSchema the dump, or {@code null} to replay every migration
	 * @return the changed settings
	 */
	public MigratorSettings withFreshSchema(@Nullable FreshSchema freshSchema) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, freshSchema,
				this.postgresLock);
	}

	/**
	 * Return these settings with another way of holding the lock on PostgreSQL.
	 * @param postgresLock how the lock is held
	 * @return the changed settings
	 * @since 0.1.0
	 */
	public MigratorSettings withPostgresLock(PostgresLock postgresLock) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				postgresLock);
	}

	/**
	 * How the migration lock is held on PostgreSQL.
	 *
	 * @since 0.1.0
	 */
	public enum PostgresLock {

		/**
		 * A session advisory lock on a connection of its own, held for the whole run. Use
		 * it with direct connections or a pooler in session mode.
		 */
		SESSION,

		/**
		 * A transaction advisory lock ({@code pg_advisory_xact_lock}) taken at the start
		 * of every transaction that reads or writes the history, which then checks that
		 * no other instance wrote to it meanwhile. Use it behind a pooler in transaction
		 * mode, such as PgBouncer with {@code pool_mode=transaction}, where a session
		 * lock and its release may reach different server connections. Non-transactional
		 * migrations cannot be protected so and are refused.
		 */
		TRANSACTION

	}

	/**
	 * A schema dump written by {@link Migrator#dumpSchema()}: an empty database (no
	 * tables, no history) is created by running it and stamped at the version its last
	 * line names, in one transaction under the migration lock; later migrations then
	 * apply as usual. A database that is not empty ignores it.
	 *
	 * @param location where the script was read from, for messages, such as
	 * {@code classpath:db/schema.sql}
	 * @param script the script's text
	 */
	public record FreshSchema(String location, String script) {

		public FreshSchema {
			Assert.hasText(location, "'location' must not be empty");
			Assert.notNull(script, "'script' must not be null");
		}

	}

	private static void requireText(@Nullable String value, String message) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(message);
		}
	}

}
