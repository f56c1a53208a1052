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

package dev.migrations.engine;

import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;
import dev.migrations.MigrationKind;

/**
 * A migration with everything the engine asks of it read once.
 *
 * @param version the version
 * @param description the description
 * @param kind what it is written as
 * @param source its class name or resource
 * @param checksum its checksum, or {@code null}
 * @param transactional whether it runs in a transaction
 * @param migration the migration itself
 */
public record ResolvedMigration(Version version, String description, MigrationKind kind, String source,
		@Nullable String checksum, boolean transactional, Migration migration) {

	/**
	 * Return whether the migration can go down. Asked only when needed: the default
	 * answer uses reflection, which the start-up path does not need to pay for.
	 * @return whether it is reversible
	 */
	public boolean reversible() {
		return this.migration.reversible();
	}

	/**
	 * Return the version and source, the way messages name a migration.
	 * @return for example {@code 3 (com.example.V3__AddUsers)}
	 */
	public String name() {
		return this.version + " (" + this.source + ")";
	}

}
