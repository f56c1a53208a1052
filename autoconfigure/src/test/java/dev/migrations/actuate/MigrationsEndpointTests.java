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

import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;
import dev.migrations.MigratorSettings;
import dev.migrations.RunResult;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The endpoint's operations called directly, on SQLite: every bad request is refused with
 * a message, and changes nothing.
 */
class MigrationsEndpointTests {

	@TempDir
	Path directory;

	private HikariDataSource dataSource;

	private MigrationsEndpoint endpoint;

	@BeforeEach
	void createEndpoint() {
		this.dataSource = SqliteTestDatabase.in(this.directory).dataSource();
		Migrator migrator = Migrator.create(this.dataSource, List.of(TestMigration.of("1", "CREATE TABLE one (id int)"),
				TestMigration.of("1.1", "CREATE TABLE two (id int)")), MigratorSettings.defaults("dataSource"));
		this.endpoint = new MigrationsEndpoint(new MigratorRegistry(List.of(migrator), "dataSource"), 100);
	}

	@AfterEach
	void closeDataSource() {
		this.dataSource.close();
	}

	@Test
	void migrateWithoutDataSourceMigratesThePrimaryOne() {
		MigrationsEndpoint.OperationDescriptor descriptor = this.endpoint.operate("migrate", null, null, null);
		assertThat(descriptor.dataSource()).isEqualTo("dataSource");
		assertThat(descriptor.result()).isInstanceOfSatisfying(RunResult.class,
				(result) -> assertThat(result.toVersion()).isEqualTo("1.1"));
	}

	@Test
	void versionsCompareAsTheEngineComparesThem() {
		this.endpoint.operate("migrate", null, "1.0.0", null);
		assertThat(pending()).isEqualTo(1);
	}

	@Test
	void malformedVersionIsRefused() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.operate("migrate", null, "v1", null))
			.withMessage("Version 'v1' is not digits separated by dots. Use a version such as 3 or 2.1.");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void stepsOnAnythingButRollbackIsRefused() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.operate("migrate", null, null, 1))
			.withMessage("'steps' applies to rollback only, not to migrate. Remove it.");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void versionOnDryRunIsRefused() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.operate("dry-run", null, "1", null))
			.withMessage("'version' does not apply to dry-run. Remove it.");
	}

	@Test
	void rollbackWithVersionAndStepsIsRefused() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.operate("rollback", null, "1", 1))
			.withMessage("Rollback takes either 'version' or 'steps', not both. Remove one of them.");
	}

	@Test
	void rollbackToAnUnknownVersionIsRefused() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.operate("rollback", null, "7", null))
			.withMessage("Version 7 is not declared by any migration of DataSource 'dataSource'. "
					+ "Use one of [1, 1.1] or 0.");
	}

	@Test
	void baselineWithoutVersionIsRefused() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.operate("baseline", null, null, null))
			.withMessage("Operation baseline needs a 'version'. Add the version to stamp.");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void unknownDataSourceIsNull() {
		assertThat(this.endpoint.dataSource("nope")).isNull();
		assertThat(this.endpoint.schema("nope", "schema")).isNull();
	}

	private int pending() {
		return this.endpoint.migrations().dataSources().get("dataSource").pending();
	}

}
