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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.FreshSchema;
import dev.migrations.MigratorSettings.StatementLimits;
import dev.migrations.autoconfigure.MigrationsProperties.DataSourceMigrations;
import dev.migrations.engine.DefaultMigrator;
import dev.migrations.engine.MigrationSource;
import dev.migrations.engine.SqlMigrationLoader;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Builds one {@link Migrator} per migrated DataSource bean: groups the migrations by the
 * DataSource they name, merges per-DataSource settings over the global ones, and fails
 * once, listing every problem, when a migration names a DataSource that does not exist.
 * The primary DataSource comes first, then the others by bean name.
 */
final class MigratorFactory {

	private final ListableBeanFactory beanFactory;

	private final MigrationsProperties properties;

	private final MigrationListener listener;

	private final SqlMigrationLoader sqlMigrations;

	private final ResourceLoader resourceLoader;

	private final @Nullable MigrationsConnectionDetails connectionDetails;

	MigratorFactory(ListableBeanFactory beanFactory, MigrationsProperties properties, MigrationListener listener,
			ResourceLoader resourceLoader, @Nullable MigrationsConnectionDetails connectionDetails) {
		this.beanFactory = beanFactory;
		this.properties = properties;
		this.listener = listener;
		this.sqlMigrations = new SqlMigrationLoader(resourceLoader);
		this.resourceLoader = resourceLoader;
		this.connectionDetails = connectionDetails;
	}

	MigratorRegistry create(List<Migration> migrations) {
		List<String> names = Arrays.asList(this.beanFactory.getBeanNamesForType(DataSource.class));
		String primary = primary(names);
		List<String> problems = new ArrayList<>();
		Map<String, List<Migration>> byDataSource = group(migrations, names, primary, problems);
		for (String listed : this.properties.getDataSourceOrder()) {
			if (!names.contains(listed)) {
				problems.add("migrations.data-source-order names '" + listed + "', which is no DataSource bean. Use "
						+ "bean names from " + names + ".");
			}
		}
		for (String configured : this.properties.getDataSources().keySet()) {
			if (!names.contains(configured)) {
				problems.add("migrations.data-sources." + configured + " names no DataSource bean. Use one of " + names
						+ ".");
			}
			byDataSource.computeIfAbsent(configured, (name) -> new ArrayList<>());
		}
		if (primary == null && MigrationsConnectionDataSource.isRequested(this.connectionDetails)) {
			problems.add("migrations.url and migrations.user apply to the primary DataSource, but there is none among "
					+ names + ". Mark one DataSource @Primary.");
		}
		if (!problems.isEmpty()) {
			throw new MigrationException("Migrations could not be assigned to DataSources:" + System.lineSeparator()
					+ " - " + String.join(System.lineSeparator() + " - ", problems));
		}
		List<Migrator> migrators = new ArrayList<>();
		for (String name : order(byDataSource.keySet(), primary)) {
			DataSourceMigrations overrides = this.properties.getDataSources().get(name);
			if (overrides != null && Boolean.FALSE.equals(overrides.getEnabled())) {
				continue;
			}
			DataSource dataSource = this.beanFactory.getBean(name, DataSource.class);
			if (name.equals(primary)) {
				dataSource = MigrationsConnectionDataSource.of(this.connectionDetails, name, dataSource);
			}
			List<Migration> all = new ArrayList<>(byDataSource.get(name));
			all.addAll(this.sqlMigrations.load(name, locations(name, primary, overrides),
					this.properties.getPlaceholders()));
			MigratorSettings settings = settings(name, overrides)
				.withFreshSchema(freshSchema(name, primary, overrides));
			migrators.add(new DefaultMigrator(dataSource, all, settings, this.listener));
		}
		return new MigratorRegistry(migrators, primary);
	}

	private Map<String, List<Migration>> group(List<Migration> migrations, List<String> names, @Nullable String primary,
			List<String> problems) {
		Map<String, List<Migration>> byDataSource = new LinkedHashMap<>();
		if (primary != null) {
			byDataSource.put(primary, new ArrayList<>());
		}
		for (Migration migration : migrations) {
			String name = (migration.dataSource() != null) ? migration.dataSource() : primary;
			String subject = MigrationSource.of(migration);
			if (name == null) {
				problems.add("Migration " + subject + " names no DataSource and there is no primary one among " + names
						+ ". Mark one DataSource @Primary, or override dataSource() in the migration.");
			}
			else if (!names.contains(name)) {
				problems.add("Migration " + subject + " names DataSource '" + name + "', but " + describe(name)
						+ ". Use one of " + names + ".");
			}
			else {
				byDataSource.computeIfAbsent(name, (key) -> new ArrayList<>()).add(migration);
			}
		}
		return byDataSource;
	}

	private String describe(String name) {
		if (!this.beanFactory.containsBean(name)) {
			return "there is no DataSource bean of that name";
		}
		Class<?> type = this.beanFactory.getType(name);
		return "bean '" + name + "' is " + ((type != null) ? "a " + type.getName() : "of unknown type")
				+ ", not a DataSource";
	}

	/**
	 * Order DataSources: those named in {@code migrations.data-source-order} as listed,
	 * then the primary, then the others by bean name.
	 */
	private List<String> order(Set<String> names, @Nullable String primary) {
		List<String> ordered = new ArrayList<>();
		for (String name : this.properties.getDataSourceOrder()) {
			if (names.contains(name) && !ordered.contains(name)) {
				ordered.add(name);
			}
		}
		if (primary != null && names.contains(primary) && !ordered.contains(primary)) {
			ordered.add(primary);
		}
		for (String name : new TreeSet<>(names)) {
			if (!ordered.contains(name)) {
				ordered.add(name);
			}
		}
		return ordered;
	}

	private @Nullable String primary(List<String> names) {
		if (names.size() == 1) {
			return names.get(0);
		}
		if (this.beanFactory instanceof ConfigurableListableBeanFactory configurable) {
			for (String name : names) {
				if (configurable.containsBeanDefinition(name) && configurable.getBeanDefinition(name).isPrimary()) {
					return name;
				}
			}
		}
		return null;
	}

	/**
	 * Return where a DataSource's SQL files are: its own locations, else the global ones
	 * for the primary DataSource, else none.
	 */
	private List<String> locations(String name, @Nullable String primary, @Nullable DataSourceMigrations overrides) {
		if (overrides != null && overrides.getLocations() != null) {
			return overrides.getLocations();
		}
		return name.equals(primary) ? this.properties.getLocations() : List.of();
	}

	/**
	 * Read a DataSource's fresh schema: its own, else the global one for the primary
	 * DataSource, else none.
	 */
	private @Nullable FreshSchema freshSchema(String name, @Nullable String primary,
			@Nullable DataSourceMigrations overrides) {
		String own = (overrides != null) ? overrides.getFreshSchema() : null;
		String location = (own != null) ? own : (name.equals(primary)) ? this.properties.getFreshSchema() : null;
		if (!StringUtils.hasText(location)) {
			return null;
		}
		String property = (own != null) ? "migrations.data-sources." + name + ".fresh-schema"
				: "migrations.fresh-schema";
		Resource resource = this.resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new MigrationException(property + " names " + location + " for DataSource '" + name
					+ "', which does not exist. Write the schema dump there (see SchemaDumpWriter), or remove "
					+ property + " to replay every migration.");
		}
		try {
			return new FreshSchema(location, resource.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new MigrationException(property + " names " + location + " for DataSource '" + name
					+ "', which cannot be read: " + ex.getMessage() + ". Check the file, or remove " + property + ".",
					ex);
		}
	}

	private MigratorSettings settings(String name, @Nullable DataSourceMigrations overrides) {
		MigrationsProperties global = this.properties;
		DataSourceMigrations own = (overrides != null) ? overrides : new DataSourceMigrations();
		return new MigratorSettings(name, or(own.getTable(), global.getTable()),
				or(own.getSchema(), global.getSchema()), or(own.getTargetVersion(), global.getTargetVersion()),
				or(own.getOutOfOrder(), global.isOutOfOrder()),
				or(own.getBaselineOnMigrate(), global.isBaselineOnMigrate()),
				or(own.getBaselineVersion(), global.getBaselineVersion()),
				or(own.getLockTimeout(), global.getLockTimeout()), or(own.getGroup(), global.isGroup()), null,
				statementLimits(global.getPostgresql()), global.getSafety(),
				connectRetries(name, or(own.getConnectRetries(), global.getConnectRetries()), own),
				or(own.getConnectRetriesInterval(), global.getConnectRetriesInterval()),
				or(own.getInitSqls(), global.getInitSqls()),
				or(own.getPostgresql().getLock(), global.getPostgresql().getLock()));
	}

	private static StatementLimits statementLimits(MigrationsProperties.Postgresql postgresql) {
		if (postgresql.getLockTimeout().isNegative()) {
			throw new MigrationException("migrations.postgresql.lock-timeout is " + postgresql.getLockTimeout()
					+ ", a negative duration. Set how long a migration's statement may wait for a lock, such as 10s, "
					+ "or 0 to leave the database's own setting.");
		}
		if (postgresql.getLockRetries() < 0) {
			throw new MigrationException("migrations.postgresql.lock-retries is " + postgresql.getLockRetries()
					+ ". Set how often a migration that timed out waiting for a lock is tried again: 0 or more.");
		}
		return new StatementLimits(postgresql.getLockTimeout(), postgresql.getStatementTimeout(),
				postgresql.getLockRetries());
	}

	private static int connectRetries(String name, int retries, DataSourceMigrations own) {
		if (retries < 0) {
			String property = (own.getConnectRetries() != null) ? "migrations.data-sources." + name + ".connect-retries"
					: "migrations.connect-retries";
			throw new MigrationException(property + " is " + retries + " for DataSource '" + name
					+ "', but must not be negative. Set 0 to fail at the first failed connection, or more to retry.");
		}
		return retries;
	}

	private static <T> T or(@Nullable T own, T global) {
		return (own != null) ? own : global;
	}

}
