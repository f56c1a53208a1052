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
import java.util.List;

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
 * @param statementLimits how long the migrations' own statements may wait for locks and
 * run, and how often a migration that waited too long is tried again
 * @param safety whether a run first observes its pending migrations in a dry run and
 * warns about, or refuses, unsafe ones
 * @param connectRetries how many times to try again when the first connection fails (the
 * database is not up yet), {@code 0} for none
 * @param connectRetriesInterval how long to wait before each of those tries
 * @param initSqls statements run, in order, on every connection the migrations use, as
 * soon as it is obtained (such as {@code SET ROLE owner} or
 * {@code SET lock_timeout = '5s'}); on a pooled DataSource their effect stays on the
 * connection after it is returned
 * @param postgresLock how the migration lock is held on PostgreSQL: on a session of its
 * own, or taken again in each migration's transaction (behind a transaction pooler such
 * as PgBouncer)
 * @since 0.1.0
 */
public record MigratorSettings(String dataSourceName, String table, @Nullable String schema,
		@Nullable String targetVersion, boolean outOfOrder, boolean baselineOnMigrate, String baselineVersion,
		Duration lockTimeout, boolean group, @Nullable FreshSchema freshSchema, StatementLimits statementLimits,
		Safety safety, int connectRetries, Duration connectRetriesInterval, List<String> initSqls,
		PostgresLock postgresLock) {

	public MigratorSettings {
		// Plain checks, not Spring's Assert: classes less to load on the start-up path.
		requireText(dataSourceName, "'dataSourceName' must not be empty");
		requireText(table, "'table' must not be empty");
		requireText(baselineVersion, "'baselineVersion' must not be empty");
		if (lockTimeout == null || lockTimeout.isNegative()) {
			throw new IllegalArgumentException("'lockTimeout' must not be null or negative");
		}
		if (statementLimits == null) {
			throw new IllegalArgumentException("'statementLimits' must not be null");
		}
		if (safety == null) {
			throw new IllegalArgumentException("'safety' must not be null");
		}
		if (connectRetries < 0) {
			throw new IllegalArgumentException("'connectRetries' must not be negative");
		}
		if (connectRetriesInterval == null || connectRetriesInterval.isNegative()) {
			throw new IllegalArgumentException("'connectRetriesInterval' must not be null or negative");
		}
		if (initSqls == null) {
			throw new IllegalArgumentException("'initSqls' must not be null");
		}
		for (String initSql : initSqls) {
			requireText(initSql, "'initSqls' must not contain empty statements");
		}
		initSqls = List.copyOf(initSqls);
		if (postgresLock == null) {
			throw new IllegalArgumentException("'postgresLock' must not be null");
		}
	}

	/**
	 * Create settings with the default {@link StatementLimits}.
	 * @param dataSourceName the DataSource bean name
	 * @param table the history table
	 * @param schema the schema, or {@code null} for the connection's default
	 * @param targetVersion the version to stop at, or {@code null} for the latest
	 * @param outOfOrder whether pending versions older than the newest applied may run
	 * @param baselineOnMigrate whether a database without history is stamped first
	 * @param baselineVersion the version a baseline stamps
	 * @param lockTimeout how long to wait for another instance's migration lock
	 * @param group whether all pending migrations of a run share one transaction
	 * @param freshSchema the schema dump an empty database is created from, or
	 * {@code null}
	 */
	public MigratorSettings(String dataSourceName, String table, @Nullable String schema,
			@Nullable String targetVersion, boolean outOfOrder, boolean baselineOnMigrate, String baselineVersion,
			Duration lockTimeout, boolean group, @Nullable FreshSchema freshSchema) {
		this(dataSourceName, table, schema, targetVersion, outOfOrder, baselineOnMigrate, baselineVersion, lockTimeout,
				group, freshSchema, StatementLimits.defaults(), Safety.OFF, 0, Duration.ofSeconds(10), List.of(),
				PostgresLock.SESSION);
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
				Duration.ofSeconds(60), false, null, StatementLimits.defaults(), Safety.OFF, 0, Duration.ofSeconds(10),
				List.of(), PostgresLock.SESSION);
	}

	/**
	 * Return these settings with another history table.
	 * @param table the history table
	 * @return the changed settings
	 */
	public MigratorSettings withTable(String table) {
		return new MigratorSettings(this.dataSourceName, table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
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
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
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
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
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
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
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
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
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
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
				this.postgresLock);
	}

	/**
	 * Return these settings with retries of the first connection: when the database is
	 * not up yet, wait {@code interval} and try again, at most {@code retries} times.
	 * @param retries how many times to try again, {@code 0} for none
	 * @param interval how long to wait before each try
	 * @return the changed settings
	 */
	public MigratorSettings withConnectRetries(int retries, Duration interval) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.statementLimits, this.safety, retries, interval, this.initSqls, this.postgresLock);
	}

	/**
	 * Return these settings with statements run first on every connection the migrations
	 * use.
	 * @param initSqls the statements, in order; empty for none
	 * @return the changed settings
	 */
	public MigratorSettings withInitSqls(List<String> initSqls) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, initSqls,
				this.postgresLock);
	}

	/**
	 * Return these settings with other limits for the migrations' own statements.
	 * @param statementLimits the lock timeout, statement timeout and retries
	 * @return the changed settings
	 * @since 0.3.0
	 */
	public MigratorSettings withStatementLimits(StatementLimits statementLimits) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
				this.postgresLock);
	}

	/**
	 * Return these settings with another safety check before a run.
	 * @param safety whether and how pending migrations are observed first
	 * @return the changed settings
	 * @since 0.3.0
	 */
	public MigratorSettings withSafety(Safety safety) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.statementLimits, safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
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
				this.statementLimits, this.safety, this.connectRetries, this.connectRetriesInterval, this.initSqls,
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
	 * What a run does with the safety rules before it applies anything. Observing runs
	 * every pending migration twice (once rolled back), so it is for deployments that
	 * want the check, not the default.
	 *
	 * @since 0.3.0
	 */
	public enum Safety {

		/**
		 * Apply pending migrations without observing them first.
		 */
		OFF,

		/**
		 * Observe pending migrations in a dry run first and log unaccepted errors.
		 */
		WARN,

		/**
		 * Observe pending migrations in a dry run first and apply nothing when one has an
		 * unaccepted error.
		 */
		FAIL

	}

	/**
	 * How long a migration's own statements may wait for a lock on a table or row, and
	 * run, and how often a migration that waited too long is rolled back and tried again.
	 * A migration that waits for a lock behind a long transaction would otherwise queue
	 * every later query on that table behind itself; with a lock timeout it gives up,
	 * lets the queue drain, and tries again after a pause.
	 * <p>
	 * PostgreSQL sets {@code lock_timeout} and {@code statement_timeout} for the
	 * migration's transaction only ({@code SET LOCAL}); MariaDB and MySQL set
	 * {@code lock_wait_timeout} and {@code innodb_lock_wait_timeout} for the session
	 * while the migration runs; SQLite sets its busy timeout.
	 *
	 * @param lockTimeout how long one statement waits for a lock; {@link Duration#ZERO}
	 * leaves the database's own setting alone
	 * @param statementTimeout how long one statement may run (PostgreSQL only), or
	 * {@code null} for no limit
	 * @param lockRetries how often a transactional migration that timed out waiting for a
	 * lock is rolled back and tried again, with exponential backoff, before it fails
	 * @since 0.3.0
	 */
	public record StatementLimits(Duration lockTimeout, @Nullable Duration statementTimeout, int lockRetries) {

		public StatementLimits {
			if (lockTimeout == null || lockTimeout.isNegative()) {
				throw new IllegalArgumentException("'lockTimeout' must not be null or negative");
			}
			if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
				statementTimeout = null;
			}
			if (lockRetries < 0) {
				throw new IllegalArgumentException("'lockRetries' must not be negative");
			}
		}

		/**
		 * Return the defaults: a lock timeout of 10 seconds, no statement timeout, 3
		 * retries.
		 * @return the default limits
		 */
		public static StatementLimits defaults() {
			return new StatementLimits(Duration.ofSeconds(10), null, 3);
		}

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
