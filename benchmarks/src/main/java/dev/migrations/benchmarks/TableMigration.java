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

import java.util.ArrayList;
import java.util.List;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;

/**
 * Our Java migration number {@code i}: creates table {@code t_i}.
 */
final class TableMigration implements Migration {

	private final int number;

	TableMigration(int number) {
		this.number = number;
	}

	static List<TableMigration> upTo(int size) {
		List<TableMigration> migrations = new ArrayList<>(size);
		for (int i = 1; i <= size; i++) {
			migrations.add(new TableMigration(i));
		}
		return migrations;
	}

	@Override
	public String version() {
		return Integer.toString(this.number);
	}

	@Override
	public String description() {
		return "Create t_" + this.number;
	}

	@Override
	public void up(MigrationContext context) {
		context.jdbc().execute(Workload.createTable(this.number));
	}

}
