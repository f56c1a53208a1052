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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationKind;

/**
 * What identifies an applied migration, so that a different migration declared at an
 * applied version is refused instead of being taken for the one that ran: its kind, its
 * source (the class name of a Java migration; the file name of an SQL one, so that moving
 * files between folders or locations is no change) and its checksum whenever either side
 * has one (a checksum that appears or disappears is a change).
 *
 * @param kind what the migration is written as
 * @param sourceName the source as compared
 * @param checksum the checksum, or {@code null}
 */
record MigrationIdentity(String kind, String sourceName, @Nullable String checksum) {

	static MigrationIdentity of(ResolvedMigration migration) {
		String kind = migration.kind().name();
		return new MigrationIdentity(kind, sourceName(kind, migration.source()), migration.checksum());
	}

	static MigrationIdentity of(HistoryRow row) {
		String kind = String.valueOf(row.kind());
		return new MigrationIdentity(kind, sourceName(kind, String.valueOf(row.source())), row.checksum());
	}

	private static String sourceName(String kind, String source) {
		return (MigrationKind.SQL.name().equals(kind)) ? source.substring(source.lastIndexOf('/') + 1) : source;
	}

	/**
	 * Return whether the migration that ran and the one declared now differ in kind or
	 * source: another migration took the version.
	 */
	boolean replacedBy(MigrationIdentity declared) {
		return !this.kind.equals(declared.kind) || !this.sourceName.equals(declared.sourceName);
	}

	/**
	 * Return whether the checksums differ, where either side has one.
	 */
	boolean checksumChangedIn(MigrationIdentity declared) {
		return !Objects.equals(this.checksum, declared.checksum);
	}

	/**
	 * Return what identifies a repeatable migration in the history: kind and source name.
	 */
	String key() {
		return this.kind + ':' + this.sourceName;
	}

	boolean differsFrom(MigrationIdentity declared) {
		return replacedBy(declared) || checksumChangedIn(declared);
	}

}
