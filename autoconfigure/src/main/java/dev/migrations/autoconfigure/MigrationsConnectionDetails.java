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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Details of the connection the migrations of the primary DataSource use instead of the
 * application's: by default from {@code migrations.url}, {@code migrations.user} and
 * {@code migrations.password}; from a Testcontainers {@code @ServiceConnection} or Docker
 * Compose service when those are in use. When neither a URL nor a user is given, the
 * migrations use the primary DataSource itself.
 *
 * @since 0.1.0
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	/**
	 * Return the login user of the migrations.
	 * @return the user, or {@code null} for the primary DataSource's
	 */
	@Nullable String getUsername();

	/**
	 * Return the password of {@link #getUsername()}.
	 * @return the password, or {@code null} for the primary DataSource's
	 */
	@Nullable String getPassword();

	/**
	 * Return the JDBC URL the migrations connect to.
	 * @return the URL, or {@code null} for the primary DataSource's
	 */
	@Nullable String getJdbcUrl();

	/**
	 * Return the JDBC driver class name.
	 * @return the driver's class name, by default the one the URL names, or {@code null}
	 * when there is no URL
	 */
	default @Nullable String getDriverClassName() {
		String url = getJdbcUrl();
		return (url != null) ? DatabaseDriver.fromJdbcUrl(url).getDriverClassName() : null;
	}

}
