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

package dev.migrations.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A database server or engine that hands out fresh, empty databases.
 */
interface BenchDatabase {

	/**
	 * Return the name shown in the results.
	 * @return {@code PostgreSQL} or {@code SQLite}
	 */
	String name();

	/**
	 * Create a fresh, empty database.
	 * @param label a short name, part of the database's name
	 * @return the database
	 * @throws Exception on any failure
	 */
	Fresh create(String label) throws Exception;

	/**
	 * One fresh database and a warm connection pool on it, dropped on close.
	 */
	abstract class Fresh implements AutoCloseable {

		private final String url;

		private final String user;

		private final String tableCountQuery;

		private HikariDataSource pool;

		Fresh(String url, String user, String tableCountQuery) {
			this.url = url;
			this.user = user;
			this.tableCountQuery = tableCountQuery;
		}

		String url() {
			return this.url;
		}

		String user() {
			return this.user;
		}

		/**
		 * Return a pool on the database with three connections already open, so that no
		 * contestant pays for connecting inside the timed call.
		 */
		DataSource dataSource() throws SQLException {
			if (this.pool == null) {
				HikariConfig config = new HikariConfig();
				config.setJdbcUrl(this.url);
				config.setUsername(this.user);
				config.setMaximumPoolSize(4);
				config.setMinimumIdle(0);
				config.setPoolName("bench");
				this.pool = new HikariDataSource(config);
				try (Connection a = this.pool.getConnection();
						Connection b = this.pool.getConnection();
						Connection c = this.pool.getConnection()) {
					a.isValid(1);
				}
			}
			return this.pool;
		}

		/**
		 * Count the benchmark's tables ({@code t_<i>}).
		 */
		int countTables() throws SQLException {
			try (Connection connection = dataSource().getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(this.tableCountQuery)) {
				result.next();
				return result.getInt(1);
			}
		}

		/**
		 * Close the pool, so that a child JVM or the drop does not meet open sessions.
		 */
		void closePool() {
			if (this.pool != null) {
				this.pool.close();
				this.pool = null;
			}
		}

		@Override
		public void close() throws Exception {
			closePool();
			drop();
		}

		abstract void drop() throws Exception;

	}

}
