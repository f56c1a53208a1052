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

/**
 * {@link MigrationsConnectionDetails} from {@code migrations.url},
 * {@code migrations.user} and {@code migrations.password}.
 */
final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

	private final MigrationsProperties properties;

	PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUser();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getJdbcUrl() {
		return this.properties.getUrl();
	}

	@Override
	public String toString() {
		// Never the password: this object may end up in a log line or a bean listing.
		return "PropertiesMigrationsConnectionDetails[user=" + getUsername() + "]";
	}

}
