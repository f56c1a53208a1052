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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationValidationException;
import dev.migrations.RepeatableMigration;

/**
 * The migrations of one DataSource, resolved and sorted by version, and its repeatable
 * migrations apart, sorted by description. Building it validates what can be checked
 * without a database: names, versions, duplicate versions and descriptions, and the
 * checksum every repeatable migration must declare.
 */
final class MigrationCatalog {

	private final List<ResolvedMigration> migrations;

	/** The repeatable migrations, ordered by description. */
	private final List<ResolvedMigration> repeatables;

	/** Built on first use, when a history is read in full. */
	private volatile @Nullable Map<String, ResolvedMigration> repeatablesByKey;

	/** {@link AppliedState}'s sums of the repeatable migrations, each as declared now. */
	private final long repeatablesHigh;

	private final long repeatablesLow;

	/** Built on first use: a start-up with nothing pending never looks a version up. */
	private volatile @Nullable Map<Version, ResolvedMigration> byVersion;

	/** Built on first use, when a history is read in full. */
	private volatile @Nullable Map<String, Version> byText;

	/**
	 * Running sums of {@link AppliedState}'s hashes in version order: element {@code i}
	 * sums the first {@code i} migrations.
	 */
	private final long[] highSums;

	private final long[] lowSums;

	private MigrationCatalog(List<ResolvedMigration> migrations, List<ResolvedMigration> repeatables) {
		this.migrations = migrations;
		this.repeatables = repeatables;
		this.highSums = new long[migrations.size() + 1];
		this.lowSums = new long[migrations.size() + 1];
		long[] hash = new long[2];
		for (int i = 0; i < migrations.size(); i++) {
			ResolvedMigration migration = migrations.get(i);
			AppliedState.hash(migration.version(), MigrationIdentity.of(migration), hash);
			this.highSums[i + 1] = this.highSums[i] + hash[0];
			this.lowSums[i + 1] = this.lowSums[i] + hash[1];
		}
		long high = 0;
		long low = 0;
		for (ResolvedMigration repeatable : repeatables) {
			AppliedState.hashRepeatable(MigrationIdentity.of(repeatable), hash);
			high += hash[0];
			low += hash[1];
		}
		this.repeatablesHigh = high;
		this.repeatablesLow = low;
	}

	/**
	 * A class, not a lambda: bootstrapping a lambda costs a cold JVM milliseconds.
	 */
	private static final Comparator<ResolvedMigration> BY_VERSION = new ByVersion();

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
		List<ResolvedMigration> repeatables = new ArrayList<>();
		for (Migration migration : migrations) {
			try {
				if (migration instanceof RepeatableMigration repeatable) {
					repeatables.add(resolveRepeatable(repeatable));
				}
				else {
					resolved.add(resolve(migration));
				}
			}
			catch (MigrationException ex) {
				problems.add(ex.getMessage());
			}
		}
		// Given in order, the common case, they need neither sorting nor a search for
		// duplicates: one pass proves both.
		if (!strictlyAscending(resolved)) {
			resolved.sort(BY_VERSION);
			for (int i = 1; i < resolved.size(); i++) {
				ResolvedMigration previous = resolved.get(i - 1);
				ResolvedMigration current = resolved.get(i);
				if (previous.version().equals(current.version())) {
					problems.add("Versions must be unique, but " + current.version() + " is declared by "
							+ previous.source() + " and " + current.source() + ". Renumber one of them.");
				}
			}
		}
		if (!repeatables.isEmpty()) {
			sortRepeatables(repeatables, problems);
		}
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(dataSourceName, problems);
		}
		return new MigrationCatalog(Collections.unmodifiableList(resolved), List.copyOf(repeatables));
	}

	/**
	 * Order repeatable migrations by description, which must be unique among them.
	 */
	private static void sortRepeatables(List<ResolvedMigration> repeatables, List<String> problems) {
		repeatables.sort(Comparator.comparing(ResolvedMigration::description));
		for (int i = 1; i < repeatables.size(); i++) {
			ResolvedMigration previous = repeatables.get(i - 1);
			ResolvedMigration current = repeatables.get(i);
			if (previous.description().equals(current.description())) {
				problems.add("Descriptions of repeatable migrations must be unique, but '" + current.description()
						+ "' is declared by " + previous.source() + " and " + current.source()
						+ ". Rename one of them.");
			}
		}
	}

	private static ResolvedMigration resolveRepeatable(RepeatableMigration migration) {
		ResolvedMigration resolved = new ResolvedMigration(null, migration.checksum(), migration);
		String description = migration.description();
		if (resolved.checksum() == null || resolved.checksum().isBlank()) {
			throw new MigrationException("Repeatable migration " + resolved.source() + " ('" + description
					+ "') returns no checksum, so it cannot tell when it changed. Return one from checksum() and "
					+ "change it with every change to up, for example a revision number.");
		}
		return resolved;
	}

	private static boolean strictlyAscending(List<ResolvedMigration> migrations) {
		for (int i = 1; i < migrations.size(); i++) {
			if (migrations.get(i - 1).version().compareTo(migrations.get(i).version()) >= 0) {
				return false;
			}
		}
		return true;
	}

	private static ResolvedMigration resolve(Migration migration) {
		String versionText = migration.version();
		Version version = Version.tryParse(versionText);
		if (version == null) {
			throw new MigrationException("Migration " + new ResolvedMigration(Version.ZERO, null, migration).source()
					+ " declares version '" + versionText
					+ "', which is not digits separated by dots (for example 3, 1.2 or 2026.11.21.1030). Correct it.");
		}
		return new ResolvedMigration(version, migration.checksum(), migration);
	}

	List<ResolvedMigration> migrations() {
		return this.migrations;
	}

	/**
	 * Return the repeatable migrations, ordered by description.
	 */
	List<ResolvedMigration> repeatables() {
		return this.repeatables;
	}

	@Nullable ResolvedMigration findRepeatable(String key) {
		Map<String, ResolvedMigration> byKey = this.repeatablesByKey;
		if (byKey == null) {
			byKey = new HashMap<>(this.repeatables.size() * 2);
			for (ResolvedMigration repeatable : this.repeatables) {
				byKey.put(repeatable.key(), repeatable);
			}
			this.repeatablesByKey = byKey;
		}
		return byKey.get(key);
	}

	/**
	 * Return whether a history in this state has applied exactly the repeatable
	 * migrations declared now, each with its current checksum: then none is due.
	 */
	boolean repeatablesMatch(AppliedState state) {
		return state.repeatablesHigh() == this.repeatablesHigh && state.repeatablesLow() == this.repeatablesLow;
	}

	@Nullable ResolvedMigration find(Version version) {
		Map<Version, ResolvedMigration> byVersion = this.byVersion;
		if (byVersion == null) {
			byVersion = new HashMap<>(this.migrations.size() * 2);
			for (ResolvedMigration migration : this.migrations) {
				byVersion.put(migration.version(), migration);
			}
			this.byVersion = byVersion;
		}
		return byVersion.get(version);
	}

	/**
	 * Return how many migrations, counted from the first, a history in this state has
	 * applied or skipped, when it has applied exactly the ones above its baseline up to
	 * some version, with the checksums they declare now.
	 * @return the count, or {@code -1} when the state says anything else: then only
	 * reading the whole history tells what is applied
	 */
	int appliedUpTo(AppliedState state) {
		int from = (state.baseline() != null) ? countUpTo(state.baseline()) : 0;
		int to = from + state.count();
		if (state.count() < 0 || to > this.migrations.size()) {
			return -1;
		}
		boolean same = this.highSums[to] - this.highSums[from] == state.high()
				&& this.lowSums[to] - this.lowSums[from] == state.low();
		return (same) ? to : -1;
	}

	/**
	 * Return how many migrations have a version at or below the given one.
	 */
	private int countUpTo(Version version) {
		int low = 0;
		int high = this.migrations.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.migrations.get(middle).version().compareTo(version) <= 0) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * Return the version a history row names, reusing the declared version when the text
	 * is the same, so reading a long history parses almost nothing.
	 */
	Version version(String text) {
		Map<String, Version> byText = this.byText;
		if (byText == null) {
			byText = new HashMap<>(this.migrations.size() * 2);
			for (ResolvedMigration migration : this.migrations) {
				byText.put(migration.version().toString(), migration.version());
			}
			this.byText = byText;
		}
		Version declared = byText.get(text);
		return (declared != null) ? declared : Version.parse(text);
	}

	private static final class ByVersion implements Comparator<ResolvedMigration> {

		@Override
		public int compare(ResolvedMigration a, ResolvedMigration b) {
			return a.version().compareTo(b.version());
		}

	}

}
