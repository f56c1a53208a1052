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

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A PostgreSQL database of its own for one test class, reached both directly and through
 * PgBouncer in transaction pooling mode. PgBouncer comes from {@value #URL_VARIABLE} (a
 * JDBC URL of any database behind it, which routes every database name to the PostgreSQL
 * server of {@link PostgresTestDatabase}); {@code .ci/pgbouncer} starts one and prints
 * that URL. Without it, tests fail saying so: they are never skipped.
 */
public final class PgBouncerTestDatabase {

	/** The environment variable that names PgBouncer for tests. */
	public static final String URL_VARIABLE = "MIGRATIONS_TEST_PGBOUNCER_URL";

	private final PostgresTestDatabase direct;

	private final String url;

	private PgBouncerTestDatabase(PostgresTestDatabase direct, String url) {
		this.direct = direct;
		this.url = url;
	}

	/**
	 * Create (or re-create, empty) a database for a test class.
	 * @param owner the test class
	 * @return the database
	 */
	public static PgBouncerTestDatabase create(Class<?> owner) {
		String configured = System.getenv(URL_VARIABLE);
		if (configured == null || configured.isBlank()) {
			throw new IllegalStateException("No PgBouncer for " + owner.getSimpleName() + ": set " + URL_VARIABLE
					+ " to the JDBC URL of a PgBouncer in transaction pooling mode in front of the test PostgreSQL "
					+ "server, for example the one that .ci/pgbouncer starts and prints "
					+ "(jdbc:postgresql://127.0.0.1:6432/postgres?user=postgres&prepareThreshold=0).");
		}
		PostgresTestDatabase direct = PostgresTestDatabase.create(owner);
		return new PgBouncerTestDatabase(direct, withDatabase(configured, direct.name()));
	}

	/**
	 * Return the database reached directly, for checks that must not go through the
	 * pooler.
	 * @return the direct database
	 */
	public PostgresTestDatabase direct() {
		return this.direct;
	}

	/**
	 * Return the JDBC URL of the database through PgBouncer.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Open a pooled DataSource on the database through PgBouncer; close it after the
	 * test.
	 * @param poolSize the maximum pool size
	 * @return the DataSource
	 */
	public HikariDataSource dataSource(int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.url);
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	private static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query >= 0) ? url.substring(0, query) : url;
		String params = (query >= 0) ? url.substring(query) : "";
		int path = base.indexOf('/', base.indexOf("//") + 2);
		return ((path >= 0) ? base.substring(0, path) : base) + "/" + database + params;
	}

}
