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

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;

/**
 * Micrometer meters for migrations: a {@code migrations.duration} timer per migration run
 * (tags {@code data.source}, {@code version}, {@code operation} and {@code outcome}) and
 * a {@code migrations.pending} gauge per DataSource (tag {@code data.source}). Both
 * registries arrive as suppliers because the migrators need this listener before the
 * meter registry exists.
 *
 * @since 0.1.0
 */
public final class MigrationsMetrics implements MigrationListener, MeterBinder {

	private static final String DATA_SOURCE_TAG = "data.source";

	private final Supplier<MeterRegistry> meterRegistry;

	private final Supplier<MigratorRegistry> migrators;

	/**
	 * Create the meters.
	 * @param meterRegistry where migrations are timed, looked up at the first migration
	 * @param migrators the migrators whose pending migrations are counted, looked up when
	 * the gauges are bound
	 */
	public MigrationsMetrics(Supplier<MeterRegistry> meterRegistry, Supplier<MigratorRegistry> migrators) {
		this.meterRegistry = meterRegistry;
		this.migrators = migrators;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Migrator migrator : this.migrators.get().all()) {
			Gauge.builder("migrations.pending", migrator, (source) -> source.status().pending())
				.description("Number of migrations waiting to be applied")
				.tag(DATA_SOURCE_TAG, migrator.dataSourceName())
				.register(registry);
		}
	}

	@Override
	public void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
		record(dataSourceName, outcome);
	}

	@Override
	public void migrationFailed(String dataSourceName, MigrationOutcome outcome) {
		record(dataSourceName, outcome);
	}

	private void record(String dataSourceName, MigrationOutcome outcome) {
		Timer.builder("migrations.duration")
			.description("Time taken to apply or reverse a migration")
			.tag(DATA_SOURCE_TAG, dataSourceName)
			.tag("version", (outcome.version() != null) ? outcome.version() : "repeatable " + outcome.description())
			.tag("operation", outcome.operation().name())
			.tag("outcome", outcome.success() ? "SUCCESS" : "FAILURE")
			.register(this.meterRegistry.get())
			.record(Duration.ofMillis(outcome.durationMs()));
	}

}
