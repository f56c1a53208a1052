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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL database of its own for one test class. The server comes from
 * {@value #URL_VARIABLE} (a JDBC URL of a database the tests may create databases from,
 * with {@code user} and {@code password} parameters as needed), else from Testcontainers
 * when Docker runs, else from the local server on 127.0.0.1:5432 as user postgres. When
 * none is reachable, tests fail with a message saying how to provide one: they are never
 * skipped.
 */
public final class PostgresTestDatabase {

	/** The environment variable that names the PostgreSQL server for tests. */
	public static final String URL_VARIABLE = "MIGRATIONS_TEST_POSTGRES_URL";

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	private static TestServer server;

	private final String name;

	private final String url;

	private PostgresTestDatabase(String name, String url) {
		this.name = name;
		this.url = url;
	}

	/**
	 * Create (or re-create, empty) a database for a test class.
	 * @param owner the test class; its name becomes the database name
	 * @return the database
	 */
	public static PostgresTestDatabase create(Class<?> owner) {
		return create(owner.getSimpleName());
	}

	/**
	 * Create (or re-create, empty) a database with a name derived from the given one.
	 * @param name a name unique among the test classes
	 * @return the database
	 */
	public static PostgresTestDatabase create(String name) {
		String database = TestServer.databaseName(name);
		return new PostgresTestDatabase(database, server().recreate(database));
	}

	/**
	 * Return the database name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the JDBC URL of the database, credentials included as parameters.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Return Spring Boot properties that point {@code spring.datasource} at the database.
	 * @return the properties as {@code key=value} strings
	 */
	public String[] datasourceProperties() {
		return new String[] { "spring.datasource.url=" + this.url, "spring.datasource.hikari.maximum-pool-size=4" };
	}

	/**
	 * Open a small pooled DataSource on the database; close it after the test.
	 * @return the DataSource
	 */
	public HikariDataSource dataSource() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.url);
		config.setMaximumPoolSize(4);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	/**
	 * Open a pooled DataSource with the given pool size.
	 * @param poolSize the maximum pool size
	 * @return the DataSource
	 */
	public HikariDataSource dataSource(int poolSize) {
		HikariDataSource dataSource = dataSource();
		dataSource.setMaximumPoolSize(poolSize);
		return dataSource;
	}

	/**
	 * Open a plain connection to the database.
	 * @return the connection
	 * @throws SQLException when the server refuses it
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url);
	}

	private static synchronized TestServer server() {
		if (server == null) {
			server = TestServer.find("PostgreSQL", URL_VARIABLE,
					"jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "pg_ctlcluster 15 main start", () -> {
						PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
						container.start();
						return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
								+ container.getUsername() + "&password=" + container.getPassword();
					}, "postgres:15-alpine", LOCAL_URL, "the local server on 127.0.0.1:5432 (user postgres)",
					" WITH (FORCE)");
		}
		return server;
	}

}
