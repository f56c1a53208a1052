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

package dev.migrations.docker.compose;

import org.jspecify.annotations.Nullable;

import dev.migrations.autoconfigure.MigrationsConnectionDetails;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@link MigrationsConnectionDetails} for a database that Spring Boot's Docker Compose
 * support started: Docker Compose adapts the {@link JdbcConnectionDetails} it creates for
 * the service through this factory, so the migrations connect with the service's URL and
 * credentials. Listed in {@code META-INF/spring.factories}; it needs nothing beyond
 * Spring Boot's JDBC support.
 */
class JdbcAdaptingMigrationsConnectionDetailsFactory
		implements ConnectionDetailsFactory<JdbcConnectionDetails, MigrationsConnectionDetails> {

	@Override
	public MigrationsConnectionDetails getConnectionDetails(JdbcConnectionDetails input) {
		return new JdbcAdaptingMigrationsConnectionDetails(input);
	}

	/**
	 * The service's JDBC details, as the migrations' own.
	 *
	 * @param jdbc the details Docker Compose created for the service
	 */
	record JdbcAdaptingMigrationsConnectionDetails(JdbcConnectionDetails jdbc) implements MigrationsConnectionDetails {

		@Override
		public @Nullable String getUsername() {
			return this.jdbc.getUsername();
		}

		@Override
		public @Nullable String getPassword() {
			return this.jdbc.getPassword();
		}

		@Override
		public String getJdbcUrl() {
			return this.jdbc.getJdbcUrl();
		}

		@Override
		public String getDriverClassName() {
			return this.jdbc.getDriverClassName();
		}

		@Override
		public String toString() {
			return "JdbcAdaptingMigrationsConnectionDetails[user=" + getUsername() + "]";
		}

	}

}
