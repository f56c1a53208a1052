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

package dev.migrations.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * An SQLite database in a file, usually under a JUnit {@code @TempDir}.
 *
 * @param file the database file
 */
public record SqliteTestDatabase(Path file) {

	/**
	 * Return a database in a new file in the given directory.
	 * @param directory the directory
	 * @return the database
	 */
	public static SqliteTestDatabase in(Path directory) {
		return new SqliteTestDatabase(directory.resolve("test.db"));
	}

	/**
	 * Return the JDBC URL.
	 * @return the URL
	 */
	public String url() {
		return "jdbc:sqlite:" + this.file;
	}

	/**
	 * Return Spring Boot properties that point {@code spring.datasource} at the database.
	 * @return the properties as {@code key=value} strings
	 */
	public String[] datasourceProperties() {
		return new String[] { "spring.datasource.url=" + url(), "spring.datasource.hikari.maximum-pool-size=4" };
	}

	/**
	 * Open a small pooled DataSource on the database; close it after the test.
	 * @return the DataSource
	 */
	public HikariDataSource dataSource() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url());
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	/**
	 * Open a plain connection to the database.
	 * @return the connection
	 * @throws SQLException when it cannot be opened
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url());
	}

}
