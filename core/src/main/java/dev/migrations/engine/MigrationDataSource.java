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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrations.MigrationException;
import dev.migrations.MigratorSettings;
import dev.migrations.dialect.DurationText;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The DataSource the migrations take every connection from, the lock's included: until
 * one connection has been obtained, a failure to connect is retried
 * {@link MigratorSettings#connectRetries()} times (the database may not be up yet), and
 * every connection runs {@link MigratorSettings#initSqls()} before it is handed out. Only
 * wraps a DataSource when one of the two is configured.
 */
final class MigrationDataSource extends DelegatingDataSource {

	private static final Log logger = LogFactory.getLog(MigrationDataSource.class);

	private final String dataSourceName;

	private final int retries;

	private final Duration interval;

	private final List<String> initSqls;

	private volatile boolean connected;

	private MigrationDataSource(DataSource dataSource, MigratorSettings settings) {
		super(dataSource);
		this.dataSourceName = settings.dataSourceName();
		this.retries = settings.connectRetries();
		this.interval = settings.connectRetriesInterval();
		this.initSqls = settings.initSqls();
	}

	/**
	 * Return the DataSource the migrations use: the given one, wrapped when the settings
	 * ask for connect retries or init SQL.
	 * @param dataSource the DataSource to migrate
	 * @param settings the migrator's settings
	 * @return the DataSource to take connections from
	 */
	static DataSource of(DataSource dataSource, MigratorSettings settings) {
		if (settings.connectRetries() == 0 && settings.initSqls().isEmpty()) {
			return dataSource;
		}
		return new MigrationDataSource(dataSource, settings);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = (this.connected || this.retries == 0) ? obtainTargetDataSource().getConnection()
				: firstConnection();
		return initialize(connection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return initialize(obtainTargetDataSource().getConnection(username, password));
	}

	private Connection firstConnection() {
		int attempts = this.retries + 1;
		for (int attempt = 1;; attempt++) {
			try {
				Connection connection = obtainTargetDataSource().getConnection();
				this.connected = true;
				return connection;
			}
			catch (SQLException | RuntimeException ex) {
				if (attempt == attempts) {
					throw new MigrationException("Cannot connect to DataSource '" + this.dataSourceName + "' after "
							+ attempts + " attempts " + DurationText.of(this.interval) + " apart: "
							+ Failures.describe(ex) + ". Check that the database is up and reachable, or give it "
							+ "more time with migrations.connect-retries and migrations.connect-retries-interval.", ex);
				}
				logger
					.warn(this.dataSourceName + ": cannot connect to the database (attempt " + attempt + "/" + attempts
							+ "): " + Failures.describe(ex) + "; trying again in " + DurationText.of(this.interval));
				pause();
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.interval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting to connect to DataSource '" + this.dataSourceName
					+ "' again. Nothing was migrated.", ex);
		}
	}

	/**
	 * Run the init SQL on a new connection and commit it when autocommit is off, so that
	 * a later rollback does not undo it; close the connection when a statement fails.
	 */
	private Connection initialize(Connection connection) throws SQLException {
		for (String initSql : this.initSqls) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(initSql);
			}
			catch (SQLException ex) {
				close(connection, ex);
				throw new MigrationException("Init SQL '" + initSql + "' of DataSource '" + this.dataSourceName
						+ "' failed: " + Failures.describe(ex) + ". Correct migrations.init-sqls (or migrations"
						+ ".data-sources." + this.dataSourceName + ".init-sqls).", ex);
			}
		}
		if (!this.initSqls.isEmpty() && !connection.getAutoCommit()) {
			connection.commit();
		}
		return connection;
	}

	private static void close(Connection connection, SQLException failure) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

}
