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

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.MigrationState;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for migrations, with one detail per DataSource. {@code UP} when
 * every DataSource is up to date, {@code DOWN} when a migration or validation failed,
 * {@code OUT_OF_SERVICE} while a run is in progress and {@code UNKNOWN} while migrations
 * wait to be applied (as they do with {@code migrations.run-on=manual}); the worst
 * DataSource decides.
 *
 * @since 0.1.0
 */
public final class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private static final List<Status> WORST_FIRST = List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UNKNOWN,
			Status.UP);

	private final MigratorRegistry registry;

	/**
	 * Create a health indicator.
	 * @param registry the migrators to check
	 */
	public MigrationsHealthIndicator(MigratorRegistry registry) {
		super("Migrations health check failed");
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Status worst = Status.UP;
		for (Migrator migrator : this.registry.all()) {
			DatabaseStatus status = migrator.status();
			Status own = status(status.state());
			if (WORST_FIRST.indexOf(own) < WORST_FIRST.indexOf(worst)) {
				worst = own;
			}
			builder.withDetail(migrator.dataSourceName(), details(status));
		}
		builder.status(worst);
	}

	private static Status status(DatabaseState state) {
		return switch (state) {
			case UP_TO_DATE -> Status.UP;
			case PENDING -> Status.UNKNOWN;
			case RUNNING -> Status.OUT_OF_SERVICE;
			case FAILED -> Status.DOWN;
		};
	}

	private static DataSourceHealth details(DatabaseStatus status) {
		List<FailedMigration> failed = status.migrations()
			.stream()
			.filter((migration) -> migration.state() == MigrationState.FAILED)
			.map((migration) -> new FailedMigration(migration.version(), migration.error()))
			.toList();
		return new DataSourceHealth(status.state(), status.currentVersion(), status.pending(), failed,
				status.problems(), status.lastFailure(), message(status, failed));
	}

	private static String message(DatabaseStatus status, List<FailedMigration> failed) {
		return switch (status.state()) {
			case UP_TO_DATE -> "Every migration is applied.";
			case PENDING -> status.pending() + " migration(s) wait to be applied. Run them with "
					+ "POST /actuator/migrations {\"operation\":\"migrate\"} or Migrator.migrate().";
			case RUNNING -> "Migrations are being applied.";
			case FAILED -> failedMessage(status, failed);
		};
	}

	private static String failedMessage(DatabaseStatus status, List<FailedMigration> failed) {
		if (!status.problems().isEmpty()) {
			return "Validation found " + status.problems().size() + " problem(s), listed in 'problems'; nothing "
					+ "is applied until they are fixed. Fix them (or run repair where a problem says so) and "
					+ "migrate again.";
		}
		if (!failed.isEmpty()) {
			String which = (failed.get(0).version() != null) ? "Migration " + failed.get(0).version()
					: "A repeatable migration";
			return which + " failed; 'failed' shows its error. Fix it and " + "migrate again.";
		}
		return "The last operation failed; 'lastFailure' says why. Fix the cause and migrate again.";
	}

	/**
	 * Health of one DataSource.
	 *
	 * @param state where the database stands
	 * @param currentVersion the newest applied version, or {@code null}
	 * @param pending how many migrations wait to be applied
	 * @param failed the migrations whose last attempt failed
	 * @param problems the validation problems that keep migrations from running
	 * @param lastFailure the message of the migrator's last failed operation, or
	 * {@code null}
	 * @param message what the state means and what to do
	 */
	public record DataSourceHealth(DatabaseState state, @Nullable String currentVersion, int pending,
			List<FailedMigration> failed, List<String> problems, @Nullable String lastFailure, String message) {

		public DataSourceHealth {
			failed = List.copyOf(failed);
			problems = List.copyOf(problems);
		}

	}

	/**
	 * A migration whose last attempt failed.
	 *
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param error the error, or {@code null}
	 */
	public record FailedMigration(@Nullable String version, @Nullable String error) {

	}

}
