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

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.Migration;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.engine.SqlMigrationLoader;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * Our engine through its plain-code API: Java migrations (one class parameterised by the
 * table number), SQL files, or Java migrations in one transaction ({@code group=true}).
 */
final class OursContestant implements Contestant {

	private final String variant;

	OursContestant(String variant) {
		this.variant = variant;
	}

	@Override
	public String id() {
		return "OursContestant:" + this.variant;
	}

	@Override
	public String label() {
		return Contestants.label(id());
	}

	@Override
	public void migrate(DataSource dataSource, Workload workload) {
		MigratorSettings settings = MigratorSettings.defaults("dataSource").withGroup(this.variant.equals("grouped"));
		Migrator.create(dataSource, migrations(workload), settings).migrate();
	}

	@Override
	public void setUp(DataSource dataSource, Workload workload) {
		Migrator migrator = Migrator.create(dataSource, migrations(workload),
				MigratorSettings.defaults("dataSource").withGroup(true));
		// Groups of SETUP_BATCH: one transaction of 10,000 tables overflows PostgreSQL's
		// lock table.
		for (int done = 0; done < workload.size(); done += FloorContestant.SETUP_BATCH) {
			migrator.migrate(String.valueOf(Math.min(done + FloorContestant.SETUP_BATCH, workload.size())));
		}
	}

	private List<? extends Migration> migrations(Workload workload) {
		if (this.variant.equals("sql")) {
			return new SqlMigrationLoader(new DefaultResourceLoader()).load("dataSource",
					List.of("filesystem:" + workload.sqlDirectory()), Map.of());
		}
		return TableMigration.upTo(workload.size());
	}

}
