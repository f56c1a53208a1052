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

package dev.migrations.actuate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that reports where every migrated DataSource stands and,
 * when its access is unrestricted, runs operations on one. It only calls the
 * {@link MigratorRegistry}: reading never waits for the migration lock.
 *
 * @since 0.1.0
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public final class MigrationsEndpoint {

	private final MigratorRegistry registry;

	private final int historyLimit;

	/**
	 * Create an endpoint.
	 * @param registry the migrators to report on
	 * @param historyLimit the maximum number of history rows shown per DataSource
	 */
	public MigrationsEndpoint(MigratorRegistry registry, int historyLimit) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.isTrue(historyLimit >= 0, "'historyLimit' must not be negative");
		this.registry = registry;
		this.historyLimit = historyLimit;
	}

	/**
	 * Report every migrated DataSource.
	 * @return the report, keyed by DataSource bean name
	 */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<String, DatabaseStatus> dataSources = new LinkedHashMap<>();
		for (Migrator migrator : this.registry.all()) {
			dataSources.put(migrator.dataSourceName(), status(migrator));
		}
		return new MigrationsDescriptor(dataSources);
	}

	/**
	 * Report one migrated DataSource.
	 * @param dataSource the DataSource bean name
	 * @return the report with one entry, or {@code null} when the DataSource is not
	 * migrated
	 */
	@ReadOperation
	public @Nullable MigrationsDescriptor dataSource(@Selector String dataSource) {
		Migrator migrator = this.registry.find(dataSource);
		return (migrator != null) ? new MigrationsDescriptor(Map.of(dataSource, status(migrator))) : null;
	}

	/**
	 * Return the schema of one migrated DataSource as an SQL script.
	 * @param dataSource the DataSource bean name
	 * @param schema the literal {@code schema}
	 * @return the script, or {@code null} when the DataSource is not migrated
	 */
	@ReadOperation(produces = "text/plain;charset=UTF-8")
	public @Nullable String schema(@Selector String dataSource, @Selector String schema) {
		Migrator migrator = this.registry.find(dataSource);
		return (migrator != null && "schema".equals(schema)) ? migrator.dumpSchema() : null;
	}

	/**
	 * Run an operation on one DataSource: the one named, else the primary one.
	 * @param operation {@code migrate}, {@code rollback}, {@code baseline},
	 * {@code repair} or {@code dry-run}
	 * @param dataSource the DataSource bean name, or {@code null} for the primary one
	 * @param version the target version of {@code migrate} and {@code rollback}, the
	 * version {@code baseline} stamps
	 * @param steps how many migrations {@code rollback} reverses
	 * @return what the operation did
	 * @throws InvalidEndpointRequestException when the request is invalid; nothing was
	 * changed
	 * @throws dev.migrations.MigrationException when the operation failed
	 */
	@WriteOperation
	public OperationDescriptor operate(String operation, @Nullable String dataSource, @Nullable String version,
			@Nullable Integer steps) {
		MigrationsOperation requested = MigrationsOperation.of(operation);
		Migrator migrator = migrator(dataSource);
		MigrationsRequest request = new MigrationsRequest(requested, migrator, version, steps);
		return new OperationDescriptor(migrator.dataSourceName(), requested.toString(), request.invoke());
	}

	/**
	 * Return the message that says a DataSource is not migrated.
	 * @param dataSource the DataSource bean name
	 * @return the message
	 */
	String unknownDataSource(String dataSource) {
		return "No migrations are configured for DataSource '" + dataSource + "'. Use one of " + names() + ".";
	}

	private Migrator migrator(@Nullable String dataSource) {
		if (dataSource != null) {
			Migrator migrator = this.registry.find(dataSource);
			if (migrator == null) {
				throw new InvalidEndpointRequestException(unknownDataSource(dataSource), "Unknown DataSource");
			}
			return migrator;
		}
		if (this.registry.all().size() == 1) {
			return this.registry.all().get(0);
		}
		try {
			return this.registry.primary();
		}
		catch (RuntimeException ex) {
			throw new InvalidEndpointRequestException(
					"There is no primary DataSource among " + names() + ". Name one in 'dataSource'.", "No DataSource",
					ex);
		}
	}

	private List<String> names() {
		return this.registry.all().stream().map(Migrator::dataSourceName).toList();
	}

	private DatabaseStatus status(Migrator migrator) {
		DatabaseStatus status = migrator.status();
		if (status.history().size() <= this.historyLimit) {
			return status;
		}
		return new DatabaseStatus(status.database(), status.table(), status.state(), status.currentVersion(),
				status.pending(), status.migrations(), status.history().subList(0, this.historyLimit),
				status.problems(), status.lastFailure());
	}

	/**
	 * Where every migrated DataSource stands.
	 *
	 * @param dataSources the status of each DataSource, keyed by bean name
	 */
	public record MigrationsDescriptor(Map<String, DatabaseStatus> dataSources) implements OperationResponseBody {

		public MigrationsDescriptor {
			dataSources = Collections.unmodifiableMap(new LinkedHashMap<>(dataSources));
		}

	}

	/**
	 * What an operation did to one DataSource.
	 *
	 * @param dataSource the DataSource bean name
	 * @param operation the operation, as requested
	 * @param result the {@link dev.migrations.RunResult},
	 * {@link dev.migrations.RepairResult} or {@link dev.migrations.DryRunResult}
	 */
	public record OperationDescriptor(String dataSource, String operation,
			Object result) implements OperationResponseBody {

	}

}
