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
package dev.migrations.test;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.AllowUnsafe;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.SafetyReport;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresMigrationTesterSafetyIntegrationTests {

	private static final Migration CREATE_TABLE = TestMigration.of("1", "CREATE TABLE users (id int, code int)");

	private HikariDataSource dataSource;

	@BeforeEach
	void createDatabase() {
		this.dataSource = PostgresTestDatabase.create(PostgresMigrationTesterSafetyIntegrationTests.class).dataSource();
		MigrationTester.of(this.dataSource, List.of(CREATE_TABLE)).checkRoundTrips();
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	@Test
	void checkSafetyFailsOnAnUnacceptedRewriteWithTheRecipe() {
		MigrationTester tester = MigrationTester.of(this.dataSource,
				List.of(CREATE_TABLE, TestMigration.of("2", "ALTER TABLE users ALTER COLUMN code TYPE bigint")));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkSafety)
			.withMessageStartingWith(
					"1 unaccepted safety errors in the pending migrations:\n  2 rewrite: rewrites " + "table users")
			.withMessageContaining("locks users in AccessExclusiveLock")
			.withMessageContaining("safe recipe: add a new column, backfill it in batches")
			.withMessageContaining("@AllowUnsafe(\"rewrite\")");
	}

	@Test
	void checkSafetyPassesAnAcceptedRewriteAndLeavesTheDatabaseAsItWas() {
		SafetyReport report = MigrationTester.of(this.dataSource, List.of(CREATE_TABLE, new V2__WidenCodes()))
			.checkSafety();
		assertThat(report.migrations()).singleElement()
			.satisfies((entry) -> assertThat(entry.findings())
				.anyMatch((finding) -> finding.rule().equals("rewrite") && finding.accepted()));
		assertThat(MigrationTester.of(this.dataSource, List.of(CREATE_TABLE, new V2__WidenCodes()))
			.checkRoundTrips()
			.irreversible()).containsExactly("2");
	}

	@Test
	void safetyReportIsWrittenAsSarif() {
		SafetyReport report = MigrationTester
			.of(this.dataSource, List.of(CREATE_TABLE, new V2__WidenCodes(),
					TestMigration.of("3", "CREATE INDEX users_code ON users (code)")))
			.safetyReport();
		String sarif = SafetySarif.of(report);
		assertThat((String) JsonPath.read(sarif, "$.version")).isEqualTo("2.1.0");
		assertThat((List<String>) JsonPath.read(sarif, "$.runs[0].tool.driver.rules[*].id")).containsExactly("rewrite",
				"exclusive-lock", "index-not-concurrent");
		assertThat((List<String>) JsonPath.read(sarif,
				"$.runs[0].results[?(@.ruleId == 'index-not-concurrent')]"
						+ ".locations[0].logicalLocations[0].fullyQualifiedName"))
			.containsExactly(TestMigration.class.getName());
		assertThat(
				(List<String>) JsonPath.read(sarif, "$.runs[0].results[?(@.ruleId == 'rewrite')].suppressions[0].kind"))
			.containsOnly("inSource");
	}

	@AllowUnsafe("rewrite")
	static class V2__WidenCodes implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users ALTER COLUMN code TYPE bigint");
		}

	}

}
