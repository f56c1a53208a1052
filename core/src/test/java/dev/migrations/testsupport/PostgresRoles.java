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
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Three login roles on a test database, as a locked-down production database has them:
 * {@link #owner()} owns schema {@code public}; {@link #app()} may connect and use the
 * schema but create nothing in it; {@link #deployer()} is a member of the owner that
 * inherits nothing, so it creates tables only after {@code SET ROLE}. Roles belong to the
 * whole server, so their names start with the database's; {@link #close()} drops them.
 */
public final class PostgresRoles implements AutoCloseable {

	private final PostgresTestDatabase database;

	private PostgresRoles(PostgresTestDatabase database) {
		this.database = database;
	}

	/**
	 * Create the roles on the database.
	 * @param database the test class's database
	 * @return the roles
	 */
	public static PostgresRoles create(PostgresTestDatabase database) {
		PostgresRoles roles = new PostgresRoles(database);
		roles.execute("DROP ROLE IF EXISTS " + roles.deployer(), "DROP ROLE IF EXISTS " + roles.app(),
				"DROP ROLE IF EXISTS " + roles.owner(),
				"CREATE ROLE " + roles.owner() + " LOGIN PASSWORD '" + roles.password(roles.owner()) + "'",
				"CREATE ROLE " + roles.app() + " LOGIN PASSWORD '" + roles.password(roles.app()) + "'",
				"CREATE ROLE " + roles.deployer() + " LOGIN NOINHERIT PASSWORD '" + roles.password(roles.deployer())
						+ "'",
				"GRANT " + roles.owner() + " TO " + roles.deployer(), "ALTER SCHEMA public OWNER TO " + roles.owner(),
				"REVOKE CREATE ON SCHEMA public FROM PUBLIC",
				"GRANT CONNECT ON DATABASE " + database.name() + " TO " + roles.app() + ", " + roles.deployer(),
				"GRANT USAGE ON SCHEMA public TO " + roles.app() + ", " + roles.deployer());
		return roles;
	}

	/**
	 * Return the role that owns schema {@code public}.
	 * @return the role name
	 */
	public String owner() {
		return this.database.name() + "_owner";
	}

	/**
	 * Return the role that may connect and read but not create tables.
	 * @return the role name
	 */
	public String app() {
		return this.database.name() + "_app";
	}

	/**
	 * Return the member of {@link #owner()} that creates tables only after
	 * {@code SET ROLE}.
	 * @return the role name
	 */
	public String deployer() {
		return this.database.name() + "_deployer";
	}

	/**
	 * Return a role's password: distinctive, so that tests can assert it is never shown.
	 * @param role the role name
	 * @return the password
	 */
	public String password(String role) {
		return "Pw" + role.hashCode() + "Secret";
	}

	/**
	 * Return the database's JDBC URL without credentials.
	 * @return the URL
	 */
	public String url() {
		return this.database.url().replaceFirst("\\?.*$", "");
	}

	/**
	 * Return an unpooled DataSource that logs in as the given role.
	 * @param role the role name
	 * @return the DataSource
	 */
	public DriverManagerDataSource dataSource(String role) {
		return new DriverManagerDataSource(url(), role, password(role));
	}

	@Override
	public void close() {
		execute("DROP OWNED BY " + owner() + ", " + app() + ", " + deployer(), "DROP ROLE " + deployer(),
				"DROP ROLE " + app(), "DROP ROLE " + owner());
	}

	private void execute(String... statements) {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not set up roles on " + this.database.name() + ": " + ex.getMessage(), ex);
		}
	}

}
