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
 * A migration with what planning compares read once: its version and checksum. The rest
 * is asked of the migration when a run, a row, a message or a status needs it, so that a
 * start-up with nothing pending asks nothing more.
 *
 * A repeatable migration has no version; it is identified by its {@link #key()} (kind and
 * source name) and ordered by its description.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param checksum its checksum, or {@code null}
 * @param migration the migration itself
 */
public record ResolvedMigration(@Nullable Version version, @Nullable String checksum, Migration migration) {

	/**
	 * Return whether this is a repeatable migration, without a version.
	 * @return whether it is repeatable
	 */
	public boolean repeatable() {
		return this.version == null;
	}

	/**
	 * Return the version as text.
	 * @return the version, or {@code null} for a repeatable migration
	 */
	public @Nullable String versionText() {
		return (this.version != null) ? this.version.toString() : null;
	}

	/**
	 * Return what identifies a repeatable migration in the history: its kind and source
	 * name (for an SQL file its file name, so moving it between folders is no change).
	 * @return the key
	 */
	String key() {
		return MigrationIdentity.of(this).key();
	}

	/**
	 * Return what the migration is written as.
	 * @return the kind
	 */
	public MigrationKind kind() {
		return (this.migration instanceof MigrationSource described) ? described.kind() : MigrationKind.JAVA;
	}

	/**
	 * Return its class name or resource.
	 * @return the source
	 */
	public String source() {
		return MigrationSource.of(this.migration);
	}

	/**
	 * Return whether it runs in a transaction.
	 * @return whether it is transactional
	 */
	public boolean transactional() {
		return this.migration.transactional();
	}

	/**
	 * Return the migration's description. Asked only when a row, outcome or status needs
	 * it: a start-up with nothing pending never does.
	 * @return the description
	 */
	public String description() {
		return this.migration.description();
	}

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
	 * @return for example {@code 3 (com.example.V3__AddUsers)}, or
	 * {@code 'Create user view' (com.example.R__CreateUserView)} for a repeatable one
	 */
	public String name() {
		String name = (this.version != null) ? this.version.toString() : "'" + description() + "'";
		return name + " (" + source() + ")";
	}

}
