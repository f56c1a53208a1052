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

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * The DataSource the migrations of the primary DataSource connect through: the primary
 * DataSource itself, or, when {@link MigrationsConnectionDetails} name a URL or a user,
 * an unpooled {@link SimpleDriverDataSource} built from them, taking what they leave out
 * (URL, credentials, driver) from the primary DataSource. It opens a connection per use
 * and closes it after, so there is nothing to close.
 */
final class MigrationsConnectionDataSource {

	private static final Log logger = LogFactory.getLog(MigrationsConnectionDataSource.class);

	private MigrationsConnectionDataSource() {
	}

	/**
	 * Return whether the details ask for a DataSource of the migrations' own.
	 * @param details the details, or {@code null} when there are none
	 * @return whether a URL or a user is given
	 */
	static boolean isRequested(@Nullable MigrationsConnectionDetails details) {
		return details != null
				&& (StringUtils.hasText(details.getJdbcUrl()) || StringUtils.hasText(details.getUsername()));
	}

	/**
	 * Return the DataSource the migrations of the primary DataSource use.
	 * @param details the connection details, or {@code null}
	 * @param name the primary DataSource's bean name
	 * @param dataSource the primary DataSource
	 * @return the DataSource to migrate through
	 * @throws MigrationException when the primary DataSource's URL is needed and cannot
	 * be read
	 */
	static DataSource of(@Nullable MigrationsConnectionDetails details, String name, DataSource dataSource) {
		if (details == null || !isRequested(details)) {
			if (details != null && StringUtils.hasText(details.getPassword())) {
				throw new MigrationException("migrations.password is set, but neither migrations.user nor "
						+ "migrations.url, so the migrations of DataSource '" + name + "' would not use it. Set "
						+ "migrations.user to the user the password belongs to, or remove migrations.password.");
			}
			return dataSource;
		}
		String url = details.getJdbcUrl();
		String user = details.getUsername();
		try {
			DataSourceBuilder<?> builder = (StringUtils.hasText(url))
					? DataSourceBuilder.create(classLoader(dataSource)) : DataSourceBuilder.derivedFrom(dataSource);
			builder = builder.type(SimpleDriverDataSource.class);
			if (StringUtils.hasText(url)) {
				builder.url(url);
				String driver = details.getDriverClassName();
				if (driver != null) {
					builder.driverClassName(driver);
				}
			}
			if (StringUtils.hasText(user)) {
				builder.username(user);
			}
			if (details.getPassword() != null) {
				builder.password(details.getPassword());
			}
			DataSource own = builder.build();
			if (logger.isDebugEnabled()) {
				logger.debug(name + ": the migrations connect through a DataSource of their own"
						+ ((StringUtils.hasText(user)) ? " as user " + user : ""));
			}
			return own;
		}
		catch (RuntimeException ex) {
			throw new MigrationException(
					"Cannot build the DataSource the migrations of DataSource '" + name + "' connect through ("
							+ ((StringUtils.hasText(url)) ? "migrations.url"
									: "migrations.user with the URL of " + dataSource.getClass().getName())
							+ "): " + ex.getMessage()
							+ ". Set migrations.url to the database's JDBC URL, and check that "
							+ "its driver is on the classpath.",
					ex);
		}
	}

	private static @Nullable ClassLoader classLoader(DataSource dataSource) {
		return dataSource.getClass().getClassLoader();
	}

}
