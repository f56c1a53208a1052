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

package dev.migrations.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigratorSettings.Safety;
import dev.migrations.MigratorSettings.PostgresLock;

import org.springframework.boot.convert.DurationUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for migrations.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/**
	 * Whether to migrate at all.
	 */
	private boolean enabled = true;

	/**
	 * When to apply pending migrations: once the application is ready, while the context
	 * starts (before JPA and beans that depend on database initialization), or only when
	 * asked.
	 */
	private RunOn runOn = RunOn.READY;

	/**
	 * What to do when a migration fails: stop the application, or keep it running with
	 * health DOWN.
	 */
	private OnFailure onFailure = OnFailure.STOP;

	/**
	 * Name of the history table.
	 */
	private String table = "schema_migrations";

	/**
	 * Schema of the history table and of the migrations' connection. Defaults to the
	 * connection's own.
	 */
	private @Nullable String schema;

	/**
	 * Version to stop at. Defaults to the latest.
	 */
	private @Nullable String targetVersion;

	/**
	 * Whether pending migrations older than the newest applied one may run.
	 */
	private boolean outOfOrder;

	/**
	 * Whether to stamp a database that has tables but no history at the baseline version
	 * before migrating it.
	 */
	private boolean baselineOnMigrate;

	/**
	 * Version a baseline stamps.
	 */
	private String baselineVersion = "1";

	/**
	 * How long to wait for another instance that holds the migration lock. A value
	 * without a unit is in seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = Duration.ofSeconds(60);

	/**
	 * Whether all pending migrations of a run share one transaction, all or nothing.
	 */
	private boolean group;

	/**
	 * Schema dump (written by Migrator.dumpSchema()) that creates an empty primary
	 * database at the version it names, for example classpath:db/schema.sql; later
	 * migrations then apply as usual. A database with tables ignores it.
	 */
	private @Nullable String freshSchema;

	/**
	 * Locations of SQL migration files, classpath: or filesystem:.
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

	/**
	 * PostgreSQL-specific settings.
	 */
	private final Postgresql postgresql = new Postgresql();

	/**
	 * Values of ${name} placeholders in SQL migration files. Placeholders are replaced
	 * only when at least one is configured.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Maximum number of history rows the endpoint shows per DataSource.
	 */
	private int historyLimit = 100;

	/**
	 * DataSource bean names in the order they are migrated. Unlisted ones follow: the
	 * primary first, then the others by bean name.
	 */
	private List<String> dataSourceOrder = new ArrayList<>();

	/**
	 * Settings per DataSource bean name: enabled, table, schema, target-version,
	 * out-of-order, baseline-on-migrate, baseline-version, lock-timeout, group,
	 * fresh-schema, locations, connect-retries, connect-retries-interval, init-sqls.
	 * Unset keys fall back to the global ones.
	 */
	private Map<String, DataSourceMigrations> dataSources = new LinkedHashMap<>();

	/**
	 * Whether a run first observes its pending migrations in a dry run and applies the
	 * safety rules: off, warn (log unaccepted errors, then apply) or fail (apply nothing
	 * when one has an unaccepted error). PostgreSQL only; each pending migration then
	 * runs twice, once rolled back.
	 */
	private Safety safety = Safety.OFF;

	/**
	 * JDBC URL the migrations of the primary DataSource connect to instead of its own,
	 * through a DataSource of their own (unpooled). Defaults to the primary DataSource's
	 * URL when migrations.user is set.
	 */
	private @Nullable String url;

	/**
	 * Login user of the migrations of the primary DataSource, such as the schema owner
	 * while the application runs as a user that may only read and write rows. The
	 * migrations then connect through a DataSource of their own (unpooled) at
	 * migrations.url, else at the primary DataSource's URL.
	 */
	private @Nullable String user;

	/**
	 * Login password of migrations.user.
	 */
	private @Nullable String password;

	/**
	 * Number of times to try again when the first connection fails, as when the
	 * application starts before its database.
	 */
	private int connectRetries;

	/**
	 * Time to wait before each connect retry. A value without a unit is in seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = Duration.ofSeconds(10);

	/**
	 * SQL statements run, in order, on every connection the migrations use before
	 * anything else, for example "SET ROLE owner" or "SET lock_timeout = '5s'". On a
	 * pooled DataSource their effect stays on the connection when it returns to the pool;
	 * with migrations.user the migrations' connections are their own.
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * Whether to repair the history (clear failed attempts, accept changed checksums,
	 * forget applied versions whose code is gone) before the migrations run on start-up.
	 * Meant for one start after a validation error that says "run repair"; remove it
	 * afterwards.
	 */
	private boolean repairOnStart;

	/**
	 * Operation to run instead of starting the application: status, migrate, rollback,
	 * baseline, repair, dry-run or dump. The application starts without a web server,
	 * runs it, prints the result and exits, non-zero on failure.
	 */
	private @Nullable String command;

	/**
	 * Number of newest applied migrations the rollback command reverses.
	 */
	private @Nullable Integer commandSteps;

	/**
	 * Version for the command: the target of migrate, the version rollback returns to,
	 * the version baseline stamps.
	 */
	private @Nullable String commandVersion;

	/**
	 * Bean name of the DataSource the command runs on. By default status, migrate, repair
	 * and dry-run run on every migrated DataSource; rollback, baseline and dump on the
	 * primary one.
	 */
	private @Nullable String commandDataSource;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public RunOn getRunOn() {
		return this.runOn;
	}

	public void setRunOn(RunOn runOn) {
		this.runOn = runOn;
	}

	public OnFailure getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(OnFailure onFailure) {
		this.onFailure = onFailure;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public @Nullable String getTargetVersion() {
		return this.targetVersion;
	}

	public void setTargetVersion(@Nullable String targetVersion) {
		this.targetVersion = targetVersion;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public boolean isGroup() {
		return this.group;
	}

	public void setGroup(boolean group) {
		this.group = group;
	}

	public @Nullable String getFreshSchema() {
		return this.freshSchema;
	}

	public void setFreshSchema(@Nullable String freshSchema) {
		this.freshSchema = freshSchema;
	}

	public Postgresql getPostgresql() {
		return this.postgresql;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public int getHistoryLimit() {
		return this.historyLimit;
	}

	public void setHistoryLimit(int historyLimit) {
		this.historyLimit = historyLimit;
	}

	public List<String> getDataSourceOrder() {
		return this.dataSourceOrder;
	}

	public void setDataSourceOrder(List<String> dataSourceOrder) {
		this.dataSourceOrder = dataSourceOrder;
	}

	public Map<String, DataSourceMigrations> getDataSources() {
		return this.dataSources;
	}

	public void setDataSources(Map<String, DataSourceMigrations> dataSources) {
		this.dataSources = dataSources;
	}

	public Safety getSafety() {
		return this.safety;
	}

	public void setSafety(Safety safety) {
		this.safety = safety;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public boolean isRepairOnStart() {
		return this.repairOnStart;
	}

	public void setRepairOnStart(boolean repairOnStart) {
		this.repairOnStart = repairOnStart;
	}

	public @Nullable String getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable String command) {
		this.command = command;
	}

	public @Nullable Integer getCommandSteps() {
		return this.commandSteps;
	}

	public void setCommandSteps(@Nullable Integer commandSteps) {
		this.commandSteps = commandSteps;
	}

	public @Nullable String getCommandVersion() {
		return this.commandVersion;
	}

	public void setCommandVersion(@Nullable String commandVersion) {
		this.commandVersion = commandVersion;
	}

	public @Nullable String getCommandDataSource() {
		return this.commandDataSource;
	}

	public void setCommandDataSource(@Nullable String commandDataSource) {
		this.commandDataSource = commandDataSource;
	}

	/**
	 * When pending migrations are applied.
	 */
	public enum RunOn {

		/**
		 * On ApplicationReadyEvent; readiness waits until the run ends.
		 */
		READY,

		/**
		 * While the context starts, before beans that depend on database initialization.
		 */
		STARTUP,

		/**
		 * Never by itself; call the Migrator or the endpoint.
		 */
		MANUAL

	}

	/**
	 * What a failed run does to the application.
	 */
	public enum OnFailure {

		/**
		 * Stop the application with a non-zero exit.
		 */
		STOP,

		/**
		 * Keep running; health reports DOWN.
		 */
		CONTINUE

	}

	/**
	 * Limits on the migrations' own statements, for zero-downtime changes on a busy
	 * database. Named for PostgreSQL, where all apply; MariaDB and MySQL use the lock
	 * timeout as lock_wait_timeout and innodb_lock_wait_timeout, SQLite as its busy
	 * timeout.
	 */
	public static class Postgresql {

		/**
		 * How long each statement of a migration waits for a lock before the migration
		 * gives up, is rolled back and tried again; 0 leaves the database's own setting.
		 * A value without a unit is in seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration lockTimeout = Duration.ofSeconds(10);

		/**
		 * How long each statement of a migration may run (PostgreSQL statement_timeout);
		 * unset for no limit. A value without a unit is in seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration statementTimeout;

		/**
		 * How often a transactional migration that timed out waiting for a lock is rolled
		 * back and tried again, with exponential backoff and jitter, before it fails.
		 */
		private int lockRetries = 3;

		/**
		 * How the migration lock is held: 'session' for an advisory lock on a connection
		 * of its own for the whole run (direct connections, poolers in session mode);
		 * 'transaction' for an advisory lock taken again in every migration's transaction
		 * (behind PgBouncer or another pooler in transaction mode).
		 */
		private PostgresLock lock = PostgresLock.SESSION;

		public PostgresLock getLock() {
			return this.lock;
		}

		public void setLock(PostgresLock lock) {
			this.lock = lock;
		}

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public @Nullable Duration getStatementTimeout() {
			return this.statementTimeout;
		}

		public void setStatementTimeout(@Nullable Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
		}

		public int getLockRetries() {
			return this.lockRetries;
		}

		public void setLockRetries(int lockRetries) {
			this.lockRetries = lockRetries;
		}

	}

	/**
	 * Settings of one DataSource; every unset key falls back to the global one.
	 */
	public static class DataSourceMigrations {

		/**
		 * Whether to migrate this DataSource.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Name of the history table.
		 */
		private @Nullable String table;

		/**
		 * Schema of the history table and of the migrations' connection.
		 */
		private @Nullable String schema;

		/**
		 * Version to stop at.
		 */
		private @Nullable String targetVersion;

		/**
		 * Whether pending migrations older than the newest applied one may run.
		 */
		private @Nullable Boolean outOfOrder;

		/**
		 * Whether to stamp a database that has tables but no history before migrating.
		 */
		private @Nullable Boolean baselineOnMigrate;

		/**
		 * Version a baseline stamps.
		 */
		private @Nullable String baselineVersion;

		/**
		 * How long to wait for another instance that holds the migration lock. A value
		 * without a unit is in seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration lockTimeout;

		/**
		 * Whether all pending migrations of a run share one transaction.
		 */
		private @Nullable Boolean group;

		/**
		 * Schema dump that creates an empty database of this DataSource at the version it
		 * names; empty to use none.
		 */
		private @Nullable String freshSchema;

		/**
		 * Locations of SQL migration files for this DataSource.
		 */
		private @Nullable List<String> locations;

		/**
		 * Number of times to try again when the first connection fails.
		 */
		private @Nullable Integer connectRetries;

		/**
		 * Time to wait before each connect retry. A value without a unit is in seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration connectRetriesInterval;

		/**
		 * SQL statements run, in order, on every connection the migrations of this
		 * DataSource use before anything else.
		 */
		private @Nullable List<String> initSqls;

		/**
		 * PostgreSQL-specific settings for this DataSource.
		 */
		private final DataSourcePostgresql postgresql = new DataSourcePostgresql();

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

		public @Nullable String getSchema() {
			return this.schema;
		}

		public void setSchema(@Nullable String schema) {
			this.schema = schema;
		}

		public @Nullable String getTargetVersion() {
			return this.targetVersion;
		}

		public void setTargetVersion(@Nullable String targetVersion) {
			this.targetVersion = targetVersion;
		}

		public @Nullable Boolean getOutOfOrder() {
			return this.outOfOrder;
		}

		public void setOutOfOrder(@Nullable Boolean outOfOrder) {
			this.outOfOrder = outOfOrder;
		}

		public @Nullable Boolean getBaselineOnMigrate() {
			return this.baselineOnMigrate;
		}

		public void setBaselineOnMigrate(@Nullable Boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
		}

		public @Nullable String getBaselineVersion() {
			return this.baselineVersion;
		}

		public void setBaselineVersion(@Nullable String baselineVersion) {
			this.baselineVersion = baselineVersion;
		}

		public @Nullable Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(@Nullable Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public @Nullable Boolean getGroup() {
			return this.group;
		}

		public void setGroup(@Nullable Boolean group) {
			this.group = group;
		}

		public @Nullable String getFreshSchema() {
			return this.freshSchema;
		}

		public void setFreshSchema(@Nullable String freshSchema) {
			this.freshSchema = freshSchema;
		}

		public @Nullable List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(@Nullable List<String> locations) {
			this.locations = locations;
		}

		public @Nullable Integer getConnectRetries() {
			return this.connectRetries;
		}

		public void setConnectRetries(@Nullable Integer connectRetries) {
			this.connectRetries = connectRetries;
		}

		public @Nullable Duration getConnectRetriesInterval() {
			return this.connectRetriesInterval;
		}

		public void setConnectRetriesInterval(@Nullable Duration connectRetriesInterval) {
			this.connectRetriesInterval = connectRetriesInterval;
		}

		public @Nullable List<String> getInitSqls() {
			return this.initSqls;
		}

		public void setInitSqls(@Nullable List<String> initSqls) {
			this.initSqls = initSqls;
		}

		public DataSourcePostgresql getPostgresql() {
			return this.postgresql;
		}

	}

	/**
	 * PostgreSQL-specific settings of one DataSource.
	 */
	public static class DataSourcePostgresql {

		/**
		 * How the migration lock is held on this DataSource: 'session' or 'transaction'.
		 */
		private @Nullable PostgresLock lock;

		public @Nullable PostgresLock getLock() {
			return this.lock;
		}

		public void setLock(@Nullable PostgresLock lock) {
			this.lock = lock;
		}

	}

}
