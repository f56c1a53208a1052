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

package dev.migrations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Every {@link Migrator} of an application, by DataSource bean name, in the order they
 * are migrated.
 *
 * @since 0.1.0
 */
public final class MigratorRegistry {

	private final List<Migrator> migrators;

	private final Map<String, Migrator> byName;

	private final @Nullable String primaryName;

	/**
	 * Create a registry.
	 * @param migrators the migrators in the order they run
	 * @param primaryName the bean name of the primary DataSource, or {@code null}
	 */
	public MigratorRegistry(List<Migrator> migrators, @Nullable String primaryName) {
		Map<String, Migrator> byName = new LinkedHashMap<>();
		for (Migrator migrator : migrators) {
			Assert.isTrue(byName.putIfAbsent(migrator.dataSourceName(), migrator) == null,
					() -> "DataSource '" + migrator.dataSourceName() + "' has two migrators");
		}
		this.migrators = List.copyOf(migrators);
		this.byName = byName;
		this.primaryName = primaryName;
	}

	/**
	 * Return the migrator of a DataSource.
	 * @param dataSourceName the DataSource bean name
	 * @return the migrator, or {@code null} when the DataSource is not migrated
	 */
	public @Nullable Migrator find(String dataSourceName) {
		return this.byName.get(dataSourceName);
	}

	/**
	 * Return the migrator of a DataSource.
	 * @param dataSourceName the DataSource bean name
	 * @return the migrator
	 * @throws MigrationException when the DataSource is not migrated
	 */
	public Migrator get(String dataSourceName) {
		Migrator migrator = find(dataSourceName);
		if (migrator == null) {
			throw new MigrationException("No migrations are configured for DataSource '" + dataSourceName
					+ "'. Use one of " + this.byName.keySet() + ".");
		}
		return migrator;
	}

	/**
	 * Return the migrator of the primary DataSource, or the only one.
	 * @return the migrator
	 * @throws MigrationException when there is none
	 */
	public Migrator primary() {
		Migrator primary = (this.primaryName != null) ? this.byName.get(this.primaryName) : null;
		if (primary != null) {
			return primary;
		}
		if (this.migrators.size() == 1) {
			return this.migrators.get(0);
		}
		throw new MigrationException(
				"There is no primary migrator among " + this.byName.keySet() + ". Mark one DataSource @Primary.");
	}

	/**
	 * Return every migrator in the order they run.
	 * @return the migrators
	 */
	public List<Migrator> all() {
		return this.migrators;
	}

}
