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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationValidationException;

import org.springframework.util.ClassUtils;

/**
 * The migrations of one DataSource, resolved and sorted by version. Building it validates
 * what can be checked without a database: names, versions and duplicates.
 */
final class MigrationCatalog {

	private final List<ResolvedMigration> migrations;

	private final Map<Version, ResolvedMigration> byVersion;

	private final Map<String, Version> byText;

	private MigrationCatalog(List<ResolvedMigration> migrations) {
		this.migrations = migrations;
		this.byVersion = new HashMap<>(migrations.size() * 2);
		this.byText = new HashMap<>(migrations.size() * 2);
		for (ResolvedMigration migration : migrations) {
			this.byVersion.put(migration.version(), migration);
			this.byText.put(migration.version().toString(), migration.version());
		}
	}

	/**
	 * Resolve and validate migrations.
	 * @param dataSourceName the DataSource, for messages
	 * @param migrations the migrations in any order
	 * @return the catalog
	 * @throws MigrationValidationException listing every problem found
	 */
	static MigrationCatalog of(String dataSourceName, List<? extends Migration> migrations) {
		List<String> problems = new ArrayList<>();
		List<ResolvedMigration> resolved = new ArrayList<>(migrations.size());
		for (Migration migration : migrations) {
			try {
				resolved.add(resolve(migration));
			}
			catch (MigrationException ex) {
				problems.add(ex.getMessage());
			}
		}
		resolved.sort((a, b) -> a.version().compareTo(b.version()));
		for (int i = 1; i < resolved.size(); i++) {
			ResolvedMigration previous = resolved.get(i - 1);
			ResolvedMigration current = resolved.get(i);
			if (previous.version().equals(current.version())) {
				problems.add("Versions must be unique, but " + current.version() + " is declared by "
						+ previous.source() + " and " + current.source() + ". Renumber one of them.");
			}
		}
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(dataSourceName, problems);
		}
		return new MigrationCatalog(List.copyOf(resolved));
	}

	private static ResolvedMigration resolve(Migration migration) {
		String source = (migration instanceof MigrationSource described) ? described.source()
				: ClassUtils.getUserClass(migration).getName();
		MigrationKind kind = (migration instanceof MigrationSource described) ? described.kind() : MigrationKind.JAVA;
		String versionText = migration.version();
		if (!Version.isValid(versionText)) {
			throw new MigrationException("Migration " + source + " declares version '" + versionText
					+ "', which is not digits separated by dots (for example 3, 1.2 or 2026.11.21.1030). Correct it.");
		}
		return new ResolvedMigration(Version.parse(versionText), migration.description(), kind, source,
				migration.checksum(), migration.transactional(), migration);
	}

	List<ResolvedMigration> migrations() {
		return this.migrations;
	}

	@Nullable ResolvedMigration find(Version version) {
		return this.byVersion.get(version);
	}

	/**
	 * Return the version a history row names, reusing the declared version when the text
	 * is the same, so reading a long history parses almost nothing.
	 */
	Version version(String text) {
		Version declared = this.byText.get(text);
		return (declared != null) ? declared : Version.parse(text);
	}

}
