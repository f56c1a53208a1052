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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.DryRunResult;
import dev.migrations.HistoryEntry;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationState;
import dev.migrations.Operation;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins every field name of the endpoint's JSON to DESIGN.md, written by the mapper
 * Actuator uses for endpoints.
 */
class MigrationsEndpointJsonTests {

	private static final Instant APPLIED_AT = Instant.parse("2026-11-21T10:30:00Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonEndpointAutoConfiguration.class));

	@Test
	void fieldNamesAreThoseOfTheDesign() {
		MigrationInfo migration = new MigrationInfo("1", "Create users", MigrationKind.JAVA,
				"com.example.V1__CreateUsers", MigrationState.APPLIED, true, APPLIED_AT, 12L, "boom");
		HistoryEntry entry = new HistoryEntry(3, "3", Operation.UP, true, APPLIED_AT, 4, "app", "host-1", "boom",
				"Create users");
		DatabaseStatus status = new DatabaseStatus("PostgreSQL 15.19", "schema_migrations", DatabaseState.UP_TO_DATE,
				"3", 0, List.of(migration), List.of(entry), List.of("Version 2 was applied"), "It failed");
		this.contextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(EndpointJsonMapper.class).get();
			Map<String, Object> json = object(
					mapper.readValue(
							mapper.writeValueAsString(
									new MigrationsEndpoint.MigrationsDescriptor(Map.of("dataSource", status))),
							Map.class));
			assertThat(json).containsOnlyKeys("dataSources");
			Map<String, Object> dataSource = object(object(json.get("dataSources")).get("dataSource"));
			assertThat(dataSource).containsOnlyKeys("database", "table", "state", "currentVersion", "pending",
					"migrations", "history", "problems", "lastFailure");
			assertThat(dataSource).containsEntry("problems", List.of("Version 2 was applied"))
				.containsEntry("lastFailure", "It failed");
			assertThat(dataSource).containsEntry("state", "UP_TO_DATE").containsEntry("currentVersion", "3");
			Map<String, Object> info = object(((List<?>) dataSource.get("migrations")).get(0));
			assertThat(info).containsOnlyKeys("version", "description", "kind", "source", "state", "reversible",
					"appliedAt", "durationMs", "error", "repeatable");
			assertThat(info).containsEntry("repeatable", false);
			assertThat(info).containsEntry("appliedAt", "2026-11-21T10:30:00Z").containsEntry("durationMs", 12);
			Map<String, Object> row = object(((List<?>) dataSource.get("history")).get(0));
			assertThat(row).containsOnlyKeys("id", "version", "operation", "success", "startedAt", "durationMs",
					"installedBy", "host", "error", "description");
			assertThat(row).containsEntry("startedAt", "2026-11-21T10:30:00Z").containsEntry("operation", "UP");
		});
	}

	@Test
	void repeatableMigrationHasNoVersion() {
		MigrationInfo repeatable = new MigrationInfo(null, "User view", MigrationKind.SQL,
				"classpath:db/migrations/R__user_view.sql", MigrationState.OUTDATED, false, APPLIED_AT, 3L, null, true);
		this.contextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(EndpointJsonMapper.class).get();
			Map<String, Object> info = object(mapper.readValue(mapper.writeValueAsString(repeatable), Map.class));
			assertThat(info).doesNotContainKey("version")
				.containsEntry("repeatable", true)
				.containsEntry("state", "OUTDATED");
		});
	}

	@Test
	void operationAndErrorFieldNames() {
		this.contextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(EndpointJsonMapper.class).get();
			String operation = mapper
				.writeValueAsString(new MigrationsEndpoint.OperationDescriptor("dataSource", "repair", "done"));
			assertThat(object(mapper.readValue(operation, Map.class))).containsOnlyKeys("dataSource", "operation",
					"result");
			String error = mapper.writeValueAsString(new MigrationsEndpointWebExtension.ErrorDescriptor("wrong"));
			assertThat(object(mapper.readValue(error, Map.class))).containsOnlyKeys("message");
		});
	}

	@Test
	void dryRunResultCarriesItsOverallSuccess() {
		MigrationOutcome failed = new MigrationOutcome("2", "Explode", Operation.UP, false, 3, "no room");
		this.contextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(EndpointJsonMapper.class).get();
			String json = mapper.writeValueAsString(new DryRunResult("dataSource", List.of(failed), List.of("3")));
			assertThat(object(mapper.readValue(json, Map.class)))
				.containsOnlyKeys("dataSourceName", "success", "outcomes", "notChecked")
				.containsEntry("success", false);
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value) {
		return (Map<String, Object>) value;
	}

}
