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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A local PostgreSQL server: each fresh database is created, and dropped afterwards.
 * Server and user come from {@code -Dbenchmarks.postgres=host:port} and
 * {@code -Dbenchmarks.postgres.user} (default {@code 127.0.0.1:5432}, {@code postgres}).
 */
final class PostgresBench implements BenchDatabase {

	private static final String TABLE_COUNT = "SELECT count(*) FROM information_schema.tables "
			+ "WHERE table_schema = 'public' AND table_name ~ '^t_[0-9]+$'";

	private final String server = System.getProperty("benchmarks.postgres", "127.0.0.1:5432");

	private final String user = System.getProperty("benchmarks.postgres.user", "postgres");

	private final String prefix = "bench_" + ProcessHandle.current().pid() + "_";

	@Override
	public String name() {
		return "PostgreSQL";
	}

	@Override
	public Fresh create(String label) throws SQLException {
		String database = this.prefix + label.replaceAll("[^a-z0-9_]", "_");
		admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		admin("CREATE DATABASE " + database);
		return new Fresh("jdbc:postgresql://" + this.server + "/" + database, this.user, TABLE_COUNT) {

			@Override
			void drop() throws SQLException {
				admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}

		};
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + this.server + "/postgres",
				this.user, null); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
