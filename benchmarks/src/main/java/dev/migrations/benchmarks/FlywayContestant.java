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

package dev.migrations.benchmarks;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway with SQL files in a directory, or with Java migrations handed over as objects.
 */
final class FlywayContestant implements Contestant {

	private final String variant;

	FlywayContestant(String variant) {
		this.variant = variant;
	}

	@Override
	public String id() {
		return "FlywayContestant:" + this.variant;
	}

	@Override
	public String label() {
		return Contestants.label(id());
	}

	@Override
	public void migrate(DataSource dataSource, Workload workload) {
		FluentConfiguration configuration = Flyway.configure().dataSource(dataSource);
		if (this.variant.equals("sql")) {
			configuration.locations("filesystem:" + workload.sqlDirectory());
		}
		else {
			configuration.locations("filesystem:" + workload.emptyDirectory())
				.javaMigrations(FlywayTableMigration.upTo(workload.size()));
		}
		configuration.load().migrate();
	}

}
