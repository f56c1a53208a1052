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
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * A MariaDB database of its own for one test class. The server comes from
 * {@value #URL_VARIABLE} (a JDBC URL of the server as a user who may create databases,
 * with {@code user} and {@code password} parameters as needed), else from Testcontainers
 * when Docker runs, else from the local server on 127.0.0.1:3306 as root with an empty
 * password. When none is reachable, tests fail with a message saying how to provide one:
 * they are never skipped.
 */
public final class MariaDbTestDatabase {

	/** The environment variable that names the MariaDB server for tests. */
	public static final String URL_VARIABLE = "MIGRATIONS_TEST_MARIADB_URL";

	private static final String LOCAL_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root&password=";

	private static Server server;

	private static final Set<String> CREATED = new LinkedHashSet<>();

	private final String name;

	private final String url;

	private MariaDbTestDatabase(String name, String url) {
		this.name = name;
		this.url = url;
	}

	/**
	 * Create (or re-create, empty) a database for a test class.
	 * @param owner the test class; its name becomes the database name
	 * @return the database
	 */
	public static MariaDbTestDatabase create(Class<?> owner) {
		return create(owner.getSimpleName());
	}

	/**
	 * Create (or re-create, empty) a database with a name derived from the given one.
	 * @param name a name unique among the test classes
	 * @return the database
	 */
	public static MariaDbTestDatabase create(String name) {
		Server server = server();
		// Named per JVM too, so builds running side by side never share a database.
		String sanitized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		String database = "mig_" + sanitized.substring(0, Math.min(sanitized.length(), 40)) + "_"
				+ ProcessHandle.current().pid();
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database);
			server.dropOnExit(database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not create test database " + database + " on " + server.display() + ": " + ex.getMessage(),
					ex);
		}
		return new MariaDbTestDatabase(database, server.urlFor(database));
	}

	/**
	 * Create (or re-create, empty) a further database beside this one, named after it,
	 * such as one that holds an expected schema.
	 * @param suffix what tells the new database apart
	 * @return the database
	 */
	public MariaDbTestDatabase sibling(String suffix) {
		String database = this.name + "_" + suffix;
		Server server = server();
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database);
			server.dropOnExit(database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not create test database " + database + " on " + server.display() + ": " + ex.getMessage(),
					ex);
		}
		return new MariaDbTestDatabase(database, server.urlFor(database));
	}

	/**
	 * Drop every table of the database, keeping the database.
	 */
	public void clear() {
		try (Connection connection = server().connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name);
			statement.execute("CREATE DATABASE " + this.name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not clear test database " + this.name + ": " + ex.getMessage(), ex);
		}
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
	 * Open a plain connection to the database.
	 * @return the connection
	 * @throws SQLException when the server refuses it
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url);
	}

	private static synchronized Server server() {
		if (server == null) {
			server = findServer();
		}
		return server;
	}

	private static Server findServer() {
		String configured = System.getenv(URL_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			return Server.check(configured, URL_VARIABLE + "=" + redact(configured));
		}
		if (isDockerAvailable()) {
			MariaDBContainer container = new MariaDBContainer("mariadb:10.11");
			container.start();
			String url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
					+ "user=root&password=" + container.getPassword();
			return Server.check(url, "Testcontainers mariadb:10.11");
		}
		return Server.check(LOCAL_URL, "the local server on 127.0.0.1:3306 (user root, empty password)");
	}

	private static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String redact(String url) {
		return url.replaceAll("password=[^&]*", "password=***");
	}

	/**
	 * A reachable server: a JDBC URL on it, with or without a database.
	 */
	private record Server(String adminUrl, String display) {

		static Server check(String adminUrl, String display) {
			Server server = new Server(adminUrl, display);
			try (Connection connection = server.connect()) {
				return server;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("No MariaDB server for the tests: " + display + " refused ("
						+ ex.getMessage() + "). Set " + URL_VARIABLE
						+ " to a JDBC URL such as jdbc:mariadb://127.0.0.1:3306/?user=root&password=, "
						+ "start Docker so Testcontainers can run one, or start the local server "
						+ "(start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd).", ex);
			}
		}

		Connection connect() throws SQLException {
			return DriverManager.getConnection(this.adminUrl);
		}

		void dropOnExit(String database) {
			synchronized (CREATED) {
				if (CREATED.isEmpty()) {
					Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated));
				}
				CREATED.add(database);
			}
		}

		private void dropCreated() {
			synchronized (CREATED) {
				for (String database : CREATED) {
					try (Connection connection = connect(); Statement statement = connection.createStatement()) {
						statement.execute("DROP DATABASE IF EXISTS " + database);
					}
					catch (SQLException ex) {
						// Best effort at exit: a leftover test database only costs disk
						// space.
					}
				}
			}
		}

		/**
		 * Return the URL of a database on the server: the admin URL with its path (after
		 * host and port) replaced.
		 */
		String urlFor(String database) {
			int query = this.adminUrl.indexOf('?');
			String base = (query >= 0) ? this.adminUrl.substring(0, query) : this.adminUrl;
			String params = (query >= 0) ? this.adminUrl.substring(query) : "";
			int hostStart = base.indexOf("//") + 2;
			int path = base.indexOf('/', hostStart);
			String server = (path >= 0) ? base.substring(0, path) : base;
			return server + "/" + database + params;
		}

	}

}
