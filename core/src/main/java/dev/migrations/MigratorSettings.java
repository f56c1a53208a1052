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
 * @param connectRetries how many times to try again when the first connection fails (the
 * database is not up yet), {@code 0} for none
 * @param connectRetriesInterval how long to wait before each of those tries
 * @param initSqls statements run, in order, on every connection the migrations use, as
 * soon as it is obtained (such as {@code SET ROLE owner} or
 * {@code SET lock_timeout = '5s'}); on a pooled DataSource their effect stays on the
 * connection after it is returned
 * @since 0.1.0
 */
public record MigratorSettings(String dataSourceName, String table, @Nullable String schema,
		@Nullable String targetVersion, boolean outOfOrder, boolean baselineOnMigrate, String baselineVersion,
		Duration lockTimeout, boolean group, @Nullable FreshSchema freshSchema, int connectRetries,
		Duration connectRetriesInterval, List<String> initSqls) {

	public MigratorSettings {
		// Plain checks, not Spring's Assert: classes less to load on the start-up path.
		requireText(dataSourceName, "'dataSourceName' must not be empty");
		requireText(table, "'table' must not be empty");
		requireText(baselineVersion, "'baselineVersion' must not be empty");
		if (lockTimeout == null || lockTimeout.isNegative()) {
			throw new IllegalArgumentException("'lockTimeout' must not be null or negative");
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
	}

	/**
	 * Return the default settings: table {@code schema_migrations}, the connection's
	 * schema, every version, in order, a lock timeout of 60 seconds, a transaction per
	 * migration, no connect retries (10 seconds apart once some are set), no init SQL.
	 * @param dataSourceName the DataSource bean name
	 * @return the default settings
	 */
	public static MigratorSettings defaults(String dataSourceName) {
		return new MigratorSettings(dataSourceName, "schema_migrations", null, null, false, false, "1",
				Duration.ofSeconds(60), false, null, 0, Duration.ofSeconds(10), List.of());
	}

	/**
	 * Return these settings with another history table.
	 * @param table the history table
	 * @return the changed settings
	 */
	public MigratorSettings withTable(String table) {
		return new MigratorSettings(this.dataSourceName, table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.connectRetries, this.connectRetriesInterval, this.initSqls);
	}

	/**
	 * Return these settings with another schema.
	 * @param schema the schema, or {@code null} for the connection's default
	 * @return the changed settings
	 */
	public MigratorSettings withSchema(@Nullable String schema) {
		return new MigratorSettings(this.dataSourceName, this.table, schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.connectRetries, this.connectRetriesInterval, this.initSqls);
	}

	/**
	 * Return these settings with out-of-order runs allowed or not.
	 * @param outOfOrder whether pending versions older than the newest applied may run
	 * @return the changed settings
	 */
	public MigratorSettings withOutOfOrder(boolean outOfOrder) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema,
				this.connectRetries, this.connectRetriesInterval, this.initSqls);
	}

	/**
	 * Return these settings with another lock timeout.
	 * @param lockTimeout how long to wait for another instance's lock
	 * @return the changed settings
	 */
	public MigratorSettings withLockTimeout(Duration lockTimeout) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, lockTimeout, this.group, this.freshSchema,
				this.connectRetries, this.connectRetriesInterval, this.initSqls);
	}

	/**
	 * Return these settings with one transaction for all pending migrations, or not.
	 * @param group whether a run's migrations share one transaction
	 * @return the changed settings
	 */
	public MigratorSettings withGroup(boolean group) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, group, this.freshSchema,
				this.connectRetries, this.connectRetriesInterval, this.initSqls);
	}

	/**
	 * Return these settings with a schema dump that creates an empty database, or none.
	 * @param freshSchema the dump, or {@code null} to replay every migration
	 * @return the changed settings
	 */
	public MigratorSettings withFreshSchema(@Nullable FreshSchema freshSchema) {
		return new MigratorSettings(this.dataSourceName, this.table, this.schema, this.targetVersion, this.outOfOrder,
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, freshSchema,
				this.connectRetries, this.connectRetriesInterval, this.initSqls);
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
				this.baselineOnMigrate, this.baselineVersion, this.lockTimeout, this.group, this.freshSchema, retries,
				interval, this.initSqls);
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
				this.connectRetries, this.connectRetriesInterval, initSqls);
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
