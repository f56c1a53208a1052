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
import java.util.function.Supplier;

import org.testcontainers.DockerClientFactory;

/**
 * A database server the tests reach: found from an environment variable, else started by
 * Testcontainers when Docker runs, else the local server. It creates a database per test
 * class, named per JVM so builds running side by side never share one, and drops them all
 * when the JVM exits.
 */
final class TestServer {

	private final String adminUrl;

	private final String display;

	private final String dropSuffix;

	private final Set<String> created = new LinkedHashSet<>();

	private TestServer(String adminUrl, String display, String dropSuffix) {
		this.adminUrl = adminUrl;
		this.display = display;
		this.dropSuffix = dropSuffix;
	}

	/**
	 * Find a reachable server, or fail saying how to provide one.
	 * @param product the product, for messages
	 * @param variable the environment variable holding an administrative JDBC URL
	 * @param exampleUrl an example of that URL
	 * @param startLocal the command that starts the local server
	 * @param container starts a container and returns its administrative JDBC URL
	 * @param containerDisplay the container image, for messages
	 * @param localUrl the local server's administrative JDBC URL
	 * @param localDisplay the local server, for messages
	 * @param dropSuffix what follows {@code DROP DATABASE IF EXISTS <name>}
	 * @return the server
	 */
	static TestServer find(String product, String variable, String exampleUrl, String startLocal,
			Supplier<String> container, String containerDisplay, String localUrl, String localDisplay,
			String dropSuffix) {
		String configured = System.getenv(variable);
		String url;
		String display;
		if (configured != null && !configured.isBlank()) {
			url = configured;
			display = variable + "=" + configured.replaceAll("password=[^&]*", "password=***");
		}
		else if (isDockerAvailable()) {
			url = container.get();
			display = "Testcontainers " + containerDisplay;
		}
		else {
			url = localUrl;
			display = localDisplay;
		}
		TestServer server = new TestServer(url, display, dropSuffix);
		try (Connection connection = server.connect()) {
			return server;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No " + product + " server for the tests: " + display + " refused ("
					+ ex.getMessage() + "). Set " + variable + " to a JDBC URL such as " + exampleUrl
					+ ", start Docker so Testcontainers can run one, or start the local server (" + startLocal + ").",
					ex);
		}
	}

	private static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Return the name of a test database for this JVM.
	 * @param name a name unique among the test classes
	 * @return the database name
	 */
	static String databaseName(String name) {
		String sanitized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		return "mig_" + sanitized.substring(0, Math.min(sanitized.length(), 40)) + "_" + ProcessHandle.current().pid();
	}

	/**
	 * Drop and create a database, to be dropped again when the JVM exits.
	 * @param database the database name
	 * @return the JDBC URL of the new database
	 */
	String recreate(String database) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + this.dropSuffix);
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not create test database " + database + " on " + this.display + ": " + ex.getMessage(), ex);
		}
		dropOnExit(database);
		return urlFor(database);
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.adminUrl);
	}

	private void dropOnExit(String database) {
		synchronized (this.created) {
			if (this.created.isEmpty()) {
				Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated));
			}
			this.created.add(database);
		}
	}

	private void dropCreated() {
		synchronized (this.created) {
			for (String database : this.created) {
				try (Connection connection = connect(); Statement statement = connection.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS " + database + this.dropSuffix);
				}
				catch (SQLException ex) {
					// Best effort at exit: a leftover test database only costs disk
					// space.
				}
			}
		}
	}

	/**
	 * Return the URL of a database on the server: the administrative URL with its path
	 * (after host and port) replaced.
	 */
	private String urlFor(String database) {
		int query = this.adminUrl.indexOf('?');
		String base = (query >= 0) ? this.adminUrl.substring(0, query) : this.adminUrl;
		String params = (query >= 0) ? this.adminUrl.substring(query) : "";
		int hostStart = base.indexOf("//") + 2;
		int path = base.indexOf('/', hostStart);
		String server = (path >= 0) ? base.substring(0, path) : base;
		return server + "/" + database + params;
	}

}
