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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint, health and meters over real HTTP against a started application, the same
 * on every database; subclasses supply the database.
 */
abstract class AbstractMigrationsEndpointHttpTests {

	private static final String MIGRATIONS = "/actuator/migrations";

	private static final String UNRESTRICTED = "management.endpoint.migrations.access=unrestricted";

	private static volatile CountDownLatch blockingStarted = new CountDownLatch(1);

	private static volatile CountDownLatch blockingReleased = new CountDownLatch(1);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ServerPort port = new ServerPort();

	private ConfigurableApplicationContext context;

	private String[] database;

	/**
	 * Return properties that point {@code spring.datasource} at a new, empty database.
	 */
	protected abstract String[] datasourceProperties();

	/**
	 * Return the product name the database reports.
	 */
	protected abstract String product();

	/**
	 * Return text that must not appear in any answer: the JDBC URL and its credentials.
	 */
	protected abstract List<String> secrets();

	@BeforeEach
	void resetLatches() {
		blockingStarted = new CountDownLatch(1);
		blockingReleased = new CountDownLatch(1);
	}

	@AfterEach
	void close() {
		blockingReleased.countDown();
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void reportAfterAFreshRunShowsEveryMigrationAndTheHistory() {
		start(GoodMigrations.class);
		Response response = get(MIGRATIONS);
		assertThat(response.status()).isEqualTo(200);
		DocumentContext json = response.json();
		String ds = "$.dataSources.dataSource";
		assertThat(json.read(ds + ".database", String.class)).startsWith(product());
		assertThat(json.read(ds + ".table", String.class)).isEqualTo("schema_migrations");
		assertThat(json.read(ds + ".state", String.class)).isEqualTo("UP_TO_DATE");
		assertThat(json.read(ds + ".currentVersion", String.class)).isEqualTo("2");
		assertThat(json.read(ds + ".pending", Integer.class)).isZero();
		assertThat(json.read(ds + ".migrations[*].version", List.class)).containsExactly("1", "2");
		assertThat(json.read(ds + ".migrations[0].description", String.class)).isEqualTo("Create users");
		assertThat(json.read(ds + ".migrations[0].kind", String.class)).isEqualTo("JAVA");
		assertThat(json.read(ds + ".migrations[0].source", String.class)).isEqualTo(V1__CreateUsers.class.getName());
		assertThat(json.read(ds + ".migrations[*].state", List.class)).containsExactly("APPLIED", "APPLIED");
		assertThat(json.read(ds + ".migrations[*].reversible", List.class)).containsExactly(true, false);
		assertThat(Instant.parse(json.read(ds + ".migrations[0].appliedAt", String.class))).isBefore(Instant.now());
		assertThat(json.read(ds + ".migrations[0].appliedAt", String.class)).endsWith("Z");
		assertThat(json.read(ds + ".migrations[0].durationMs", Long.class)).isNotNegative();
		assertThat(json.read(ds + ".history[*].version", List.class)).containsExactly("2", "1");
		assertThat(json.read(ds + ".history[*].operation", List.class)).containsExactly("UP", "UP");
		assertThat(json.read(ds + ".history[*].success", List.class)).containsExactly(true, true);
		assertThat(json.read(ds + ".history[0].id", Long.class))
			.isGreaterThan(json.read(ds + ".history[1].id", Long.class));
		assertThat(json.read(ds + ".history[0].startedAt", String.class)).endsWith("Z");
		assertThat(json.read(ds + ".history[0].host", String.class)).isNotEmpty();
		assertThat(json.read(ds + ".history[0]", Map.class)).doesNotContainKey("error");
	}

	@Test
	void reportRevealsNoCredentials() {
		start(FailingMigrations.class, "migrations.on-failure=continue");
		String everything = get(MIGRATIONS).body() + get(MIGRATIONS + "/dataSource").body()
				+ get("/actuator/health").body();
		assertThat(everything).doesNotContain("jdbc:").doesNotContainIgnoringCase("password");
		assertThat(secrets()).allSatisfy((secret) -> assertThat(everything).doesNotContain(secret));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logLinesAndWriteAnswersRevealNoCredentials(CapturedOutput output) {
		start(FailingMigrations.class, "migrations.on-failure=continue", UNRESTRICTED);
		String answers = post("{\"operation\": \"migrate\"}").body() + post("{\"operation\": \"repair\"}").body()
				+ get(MIGRATIONS).body();
		assertThat(answers).doesNotContain("jdbc:");
		assertThat(output.toString()).contains("Migration");
		assertThat(secrets()).allSatisfy((secret) -> {
			assertThat(answers).doesNotContain(secret);
			assertThat(output.toString()).doesNotContain(secret);
		});
	}

	@Test
	void historyIsLimitedByHistoryLimit() {
		start(GoodMigrations.class, "migrations.history-limit=1");
		DocumentContext json = get(MIGRATIONS).json();
		assertThat(json.read("$.dataSources.dataSource.history[*].version", List.class)).containsExactly("2");
	}

	@Test
	void failedRunWithContinueIsReportedWithItsError() {
		start(FailingMigrations.class, "migrations.on-failure=continue");
		DocumentContext json = get(MIGRATIONS).json();
		String ds = "$.dataSources.dataSource";
		assertThat(json.read(ds + ".state", String.class)).isEqualTo("FAILED");
		assertThat(json.read(ds + ".currentVersion", String.class)).isEqualTo("1");
		assertThat(json.read(ds + ".migrations[*].state", List.class)).containsExactly("APPLIED", "FAILED");
		assertThat(json.read(ds + ".migrations[1].error", String.class)).contains("no room");
		assertThat(json.read(ds + ".migrations[1]", Map.class)).doesNotContainKey("appliedAt");
		assertThat(json.read(ds + ".history[0].success", Boolean.class)).isFalse();
		assertThat(json.read(ds + ".history[0].error", String.class)).contains("no room");
		assertThat(json.read(ds + ".problems", List.class)).isEmpty();
		assertThat(json.read(ds + ".lastFailure", String.class)).contains(V2__Explode.class.getName())
			.contains("no room");
	}

	@Test
	void oneDataSourceIsReportedByName() {
		start(GoodMigrations.class);
		Response response = get(MIGRATIONS + "/dataSource");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().read("$.dataSources", Map.class)).containsOnlyKeys("dataSource");
		assertThat(response.json().read("$.dataSources.dataSource.state", String.class)).isEqualTo("UP_TO_DATE");
	}

	@Test
	void unknownDataSourceIsNotFound() {
		start(GoodMigrations.class);
		Response response = get(MIGRATIONS + "/nope");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().read("$.message", String.class))
			.isEqualTo("No migrations are configured for DataSource 'nope'. Use one of [dataSource].");
		assertThat(get(MIGRATIONS + "/nope/schema").status()).isEqualTo(404);
	}

	@Test
	void schemaIsTheDumpOfTheDataSourceAsText() {
		start(GoodMigrations.class);
		Response response = get(MIGRATIONS + "/dataSource/schema");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.body()).contains("CREATE TABLE users")
			.doesNotContain("schema_migrations")
			.endsWith("-- Schema at version 2\n");
	}

	@Test
	void schemaOfAnUnknownDataSourceIsNotFound() {
		start(GoodMigrations.class);
		Response response = get(MIGRATIONS + "/nope/schema");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).contains("nope");
	}

	@Test
	void postIsRefusedByDefault() {
		start(GoodMigrations.class, "migrations.run-on=manual");
		Response response = post("{\"operation\":\"migrate\"}");
		assertThat(response.status()).isEqualTo(405);
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void postMigrateRunsWhenAccessIsUnrestricted() {
		start(GoodMigrations.class, "migrations.run-on=manual", "management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"migrate\"}");
		assertThat(response.status()).isEqualTo(200);
		DocumentContext json = response.json();
		assertThat(json.read("$.dataSource", String.class)).isEqualTo("dataSource");
		assertThat(json.read("$.operation", String.class)).isEqualTo("migrate");
		assertThat(json.read("$.result.toVersion", String.class)).isEqualTo("2");
		assertThat(json.read("$.result.outcomes[*].version", List.class)).containsExactly("1", "2");
		assertThat(pending()).isZero();
	}

	@Test
	void postMigrateToAVersionStopsThere() {
		start(GoodMigrations.class, "migrations.run-on=manual", "management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"migrate\",\"dataSource\":\"dataSource\",\"version\":\"1.0\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().read("$.result.toVersion", String.class)).isEqualTo("1");
		assertThat(pending()).isEqualTo(1);
	}

	@Test
	void unknownOperationIsABadRequest() {
		start(GoodMigrations.class, "migrations.run-on=manual", "management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"explode\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class)).isEqualTo(
				"Operation 'explode' is not known. Use one of [migrate, rollback, baseline, repair, dry-run] in 'operation'.");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void unknownVersionIsABadRequest() {
		start(GoodMigrations.class, "migrations.run-on=manual", "management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"migrate\",\"version\":\"9\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.isEqualTo("Version 9 is not declared by any migration of DataSource 'dataSource'. Use one of [1, 2].");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void stepsBelowOneIsABadRequest() {
		start(GoodMigrations.class, "management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"rollback\",\"steps\":0}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.isEqualTo("Rollback 'steps' must be at least 1, but is 0. Use 1 or more.");
		assertThat(get(MIGRATIONS).json().read("$.dataSources.dataSource.currentVersion", String.class)).isEqualTo("2");
	}

	@Test
	void unknownDataSourceInAPostIsABadRequest() {
		start(GoodMigrations.class, "migrations.run-on=manual", "management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"migrate\",\"dataSource\":\"nope\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.isEqualTo("No migrations are configured for DataSource 'nope'. Use one of [dataSource].");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void postRollbackOfAnIrreversibleMigrationIsAConflictThatChangesNothing() {
		start(GoodMigrations.class, "management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"rollback\",\"steps\":1}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().read("$.message", String.class)).contains(V2__AddNames.class.getName())
			.contains("irreversible");
		assertThat(pending()).isZero();
	}

	@Test
	void postRollbackOfMoreStepsThanAreAppliedIsAConflictThatChangesNothing() {
		start(ReversibleMigrations.class, UNRESTRICTED);
		List<?> history = history();
		Response response = post("{\"operation\":\"rollback\",\"steps\":3}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("Cannot roll back 3 migrations of DataSource 'dataSource': only 2 are applied (2, 1).")
			.contains("Roll back at most 2 steps");
		assertThat(history()).isEqualTo(history);
		assertThat(currentVersion()).isEqualTo("2");
	}

	@Test
	void postRollbackToAVersionNeverAppliedIsAConflictThatChangesNothing() {
		start(ReversibleMigrations.class, "migrations.target-version=1", UNRESTRICTED);
		List<?> history = history();
		Response response = post("{\"operation\":\"rollback\",\"version\":\"2\"}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("Cannot roll back DataSource 'dataSource' to version 2: it was never applied");
		assertThat(history()).isEqualTo(history);
	}

	@Test
	void postBaselineOfADatabaseWithHistoryIsAConflictThatChangesNothing() {
		start(GoodMigrations.class, UNRESTRICTED);
		List<?> history = history();
		Response response = post("{\"operation\":\"baseline\",\"version\":\"5\"}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("Cannot stamp DataSource 'dataSource' at version 5: its history table")
			.contains("already has 2 entries and it is at version 2")
			.contains("use migrate or rollbackTo");
		assertThat(history()).isEqualTo(history);
	}

	@Test
	void postMigrateWithAValidationProblemIsAConflictThatChangesNothing() {
		start(GoodMigrations.class);
		restart(FirstMigrationOnly.class, "migrations.on-failure=continue", UNRESTRICTED);
		List<?> history = history();
		Response response = post("{\"operation\":\"migrate\"}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("Migrations for DataSource 'dataSource' failed validation; nothing was changed:")
			.contains("Version 2 was applied (" + V2__AddNames.class.getName() + ")");
		assertThat(history()).isEqualTo(history);
	}

	@Test
	void postMigrateWhileAnotherRunHoldsTheLockIsLocked() throws Exception {
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> builder(BlockingMigrations.class, UNRESTRICTED, "migrations.lock-timeout=100ms").run());
		try {
			assertThat(blockingStarted.await(120, TimeUnit.SECONDS)).isTrue();
			Response response = post("{\"operation\":\"migrate\"}");
			assertThat(response.status()).isEqualTo(423);
			assertThat(response.json().read("$.message", String.class)).contains("held the migration lock")
				.contains("for longer than 100ms")
				.contains("raise migrations.lock-timeout");
		}
		finally {
			blockingReleased.countDown();
			this.context = starting.get(120, TimeUnit.SECONDS);
		}
		assertThat(get(MIGRATIONS).json().read("$.dataSources.dataSource.history[*].operation", List.class))
			.containsExactly("UP", "UP");
	}

	@Test
	void postMigrateWhoseMigrationFailsIsAServerErrorWithTheMessage() {
		start(FailingMigrations.class, "migrations.run-on=manual", UNRESTRICTED);
		Response response = post("{\"operation\":\"migrate\"}");
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.json().read("$.message", String.class)).contains(V2__Explode.class.getName())
			.contains("no room");
		assertThat(currentVersion()).isEqualTo("1");
	}

	@Test
	void malformedJsonIsABadRequestThatSaysWhatIsAccepted() {
		start(GoodMigrations.class, "migrations.run-on=manual", UNRESTRICTED);
		Response response = post("{\"operation\":");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("The request body is not a JSON object of fields and values (")
			.contains("nothing was changed")
			.contains("[operation, dataSource, version, steps]")
			.contains("[migrate, rollback, baseline, repair, dry-run]");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void bodyThatIsNotAnObjectIsABadRequest() {
		start(GoodMigrations.class, "migrations.run-on=manual", UNRESTRICTED);
		Response response = post("[\"migrate\"]");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("The request body is not a JSON object of fields and values (");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void emptyObjectIsABadRequestThatListsTheOperations() {
		start(GoodMigrations.class, "migrations.run-on=manual", UNRESTRICTED);
		Response response = post("{}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.isEqualTo("The request names no 'operation'; nothing was changed. Send a JSON object such as "
					+ "{\"operation\":\"rollback\",\"steps\":1} with the fields [operation, dataSource, version, "
					+ "steps], 'operation' being one of [migrate, rollback, baseline, repair, dry-run].");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void emptyBodyIsABadRequestThatListsTheOperations() {
		start(GoodMigrations.class, "migrations.run-on=manual", UNRESTRICTED);
		Response response = post("");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("The request names no 'operation'; nothing was changed.")
			.contains("[migrate, rollback, baseline, repair, dry-run]");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void stepsThatAreNotANumberAreABadRequest() {
		start(ReversibleMigrations.class, UNRESTRICTED);
		List<?> history = history();
		Response response = post("{\"operation\":\"rollback\",\"steps\":\"two\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("Field 'steps' must be a whole number, but is 'two'; nothing was changed.");
		assertThat(history()).isEqualTo(history);
	}

	@Test
	void unknownFieldIsABadRequestThatSuggestsTheKnownOne() {
		start(ReversibleMigrations.class, UNRESTRICTED);
		List<?> history = history();
		Response response = post("{\"operation\":\"rollback\",\"step\":3}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.isEqualTo("The request has an unknown field 'step' (did you mean 'steps'?); nothing was changed. "
					+ "Use only the fields [operation, dataSource, version, steps].");
		assertThat(history()).isEqualTo(history);
		assertThat(currentVersion()).isEqualTo("2");
	}

	@Test
	void unknownFieldsAreAllNamed() {
		start(GoodMigrations.class, "migrations.run-on=manual", UNRESTRICTED);
		Response response = post("{\"operation\":\"migrate\",\"datasource\":\"dataSource\",\"force\":true}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().read("$.message", String.class))
			.startsWith("The request has unknown fields 'datasource' (did you mean 'dataSource'?), 'force';");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void postRollbackReversesAndPostMigrateReapplies() {
		start(ReversibleMigrations.class, "management.endpoint.migrations.access=unrestricted");
		Response rollback = post("{\"operation\":\"rollback\",\"version\":\"0\"}");
		assertThat(rollback.status()).isEqualTo(200);
		assertThat(rollback.json().read("$.result.outcomes[*].version", List.class)).containsExactly("2", "1");
		assertThat(rollback.json().read("$.result.outcomes[*].operation", List.class)).containsExactly("DOWN", "DOWN");
		assertThat(pending()).isEqualTo(2);
		Response migrate = post("{\"operation\":\"migrate\"}");
		assertThat(migrate.status()).isEqualTo(200);
		assertThat(pending()).isZero();
		assertThat(get(MIGRATIONS).json().read("$.dataSources.dataSource.history[*].operation", List.class))
			.containsExactly("UP", "UP", "DOWN", "DOWN", "UP", "UP");
	}

	@Test
	void postDryRunReportsWithoutChangingAnything() {
		start(ReversibleMigrations.class, "migrations.run-on=manual",
				"management.endpoint.migrations.access=unrestricted");
		Response response = post("{\"operation\":\"dry-run\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().read("$.result.success", Boolean.class)).isTrue();
		assertThat(response.json().read("$.result.outcomes[*].success", List.class)).containsExactly(true, true);
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void postDryRunOfAFailingMigrationReportsItsOverallFailure() {
		start(FailingMigrations.class, "migrations.run-on=manual", UNRESTRICTED);
		Response response = post("{\"operation\":\"dry-run\"}");
		assertThat(response.status()).isEqualTo(200);
		DocumentContext json = response.json();
		assertThat(json.read("$.result.success", Boolean.class)).isFalse();
		assertThat(json.read("$.result.outcomes[*].success", List.class)).containsExactly(true, false);
		assertThat(json.read("$.result.outcomes[1].error", String.class)).contains("no room");
		assertThat(pending()).isEqualTo(2);
	}

	@Test
	void healthIsUpWhenUpToDate() {
		start(GoodMigrations.class);
		Response response = get("/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().read("$.status", String.class)).isEqualTo("UP");
		assertThat(response.json().read("$.details.dataSource.state", String.class)).isEqualTo("UP_TO_DATE");
		assertThat(response.json().read("$.details.dataSource.currentVersion", String.class)).isEqualTo("2");
	}

	@Test
	void healthIsDownWhenAMigrationFailed() {
		start(FailingMigrations.class, "migrations.on-failure=continue");
		Response response = get("/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(503);
		DocumentContext json = response.json();
		assertThat(json.read("$.status", String.class)).isEqualTo("DOWN");
		assertThat(json.read("$.details.dataSource.state", String.class)).isEqualTo("FAILED");
		assertThat(json.read("$.details.dataSource.failed[0].version", String.class)).isEqualTo("2");
		assertThat(json.read("$.details.dataSource.failed[0].error", String.class)).contains("no room");
		assertThat(json.read("$.details.dataSource.problems", List.class)).isEmpty();
		assertThat(json.read("$.details.dataSource.message", String.class))
			.startsWith("Migration 2 failed; 'failed' shows its error.");
		assertThat(json.read("$.details.dataSource.lastFailure", String.class)).contains(V2__Explode.class.getName())
			.contains("no room");
		assertThat(get("/actuator/health").status()).isEqualTo(503);
	}

	@Test
	void healthAfterAValidationFailureListsTheProblems() {
		start(GoodMigrations.class);
		restart(FirstMigrationOnly.class, "migrations.on-failure=continue");
		Response response = get("/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(503);
		DocumentContext json = response.json();
		assertThat(json.read("$.status", String.class)).isEqualTo("DOWN");
		assertThat(json.read("$.details.dataSource.state", String.class)).isEqualTo("FAILED");
		assertThat(json.read("$.details.dataSource.problems", List.class)).singleElement()
			.asString()
			.startsWith("Version 2 was applied (" + V2__AddNames.class.getName() + ")")
			.contains("no migration declares it any more");
		assertThat(json.read("$.details.dataSource.message", String.class))
			.startsWith("Validation found 1 problem(s), listed in 'problems'");
		assertThat(json.read("$.details.dataSource.lastFailure", String.class))
			.startsWith("Migrations for DataSource 'dataSource' failed validation");
	}

	@Test
	void reportAfterAValidationFailureListsTheProblems() {
		start(GoodMigrations.class);
		restart(FirstMigrationOnly.class, "migrations.on-failure=continue");
		DocumentContext json = get(MIGRATIONS).json();
		String ds = "$.dataSources.dataSource";
		assertThat(json.read(ds + ".state", String.class)).isEqualTo("FAILED");
		assertThat(json.read(ds + ".problems", List.class)).singleElement()
			.asString()
			.startsWith("Version 2 was applied (" + V2__AddNames.class.getName() + ")")
			.contains("Restore it, or run repair to forget it.");
		assertThat(json.read(ds + ".migrations[*].state", List.class)).containsExactly("APPLIED", "MISSING");
		assertThat(json.read(ds + ".lastFailure", String.class)).contains("failed validation");
	}

	@Test
	void healthIsUnknownWhileMigrationsWaitForAManualRun() {
		start(GoodMigrations.class, "migrations.run-on=manual");
		Response response = get("/actuator/health/migrations");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().read("$.status", String.class)).isEqualTo("UNKNOWN");
		assertThat(response.json().read("$.details.dataSource.state", String.class)).isEqualTo("PENDING");
		assertThat(response.json().read("$.details.dataSource.pending", Integer.class)).isEqualTo(2);
		assertThat(response.json().read("$.details.dataSource.message", String.class))
			.startsWith("2 migration(s) wait to be applied");
	}

	@Test
	void metricsTimeEachMigrationAndCountPendingOnes() {
		start(GoodMigrations.class);
		Response duration = get("/actuator/metrics/migrations.duration?tag=version:2");
		assertThat(duration.status()).isEqualTo(200);
		assertThat(duration.json().read("$.measurements[?(@.statistic == 'COUNT')].value", List.class))
			.containsExactly(1.0);
		assertThat(duration.json().read("$.availableTags[*].tag", List.class)).containsExactlyInAnyOrder("data.source",
				"operation", "outcome");
		Response pending = get("/actuator/metrics/migrations.pending?tag=data.source:dataSource");
		assertThat(pending.status()).isEqualTo(200);
		assertThat(pending.json().read("$.measurements[0].value", Double.class)).isZero();
	}

	@Test
	void runInProgressIsReportedWithoutWaitingAndReadinessRefusesTraffic() throws Exception {
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> builder(BlockingMigrations.class).run());
		try {
			assertThat(blockingStarted.await(120, TimeUnit.SECONDS)).isTrue();
			DocumentContext json = get(MIGRATIONS).json();
			assertThat(json.read("$.dataSources.dataSource.state", String.class)).isEqualTo("RUNNING");
			assertThat(json.read("$.dataSources.dataSource.currentVersion", String.class)).isEqualTo("1");
			assertThat(json.read("$.dataSources.dataSource.migrations[*].state", List.class)).containsExactly("APPLIED",
					"PENDING");
			assertThat(get("/actuator/health/migrations").json().read("$.status", String.class))
				.isEqualTo("OUT_OF_SERVICE");
			Response readiness = get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.json().read("$.status", String.class)).isEqualTo("OUT_OF_SERVICE");
		}
		finally {
			blockingReleased.countDown();
			this.context = starting.get(120, TimeUnit.SECONDS);
		}
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(get(MIGRATIONS).json().read("$.dataSources.dataSource.state", String.class)).isEqualTo("UP_TO_DATE");
	}

	/**
	 * Return the properties of this test's database, the same for every start.
	 */
	private String[] database() {
		if (this.database == null) {
			this.database = datasourceProperties();
		}
		return this.database;
	}

	private void restart(Class<?> migrations, String... properties) {
		this.context.close();
		this.port.reset();
		start(migrations, properties);
	}

	private List<?> history() {
		return get(MIGRATIONS).json().read("$.dataSources.dataSource.history", List.class);
	}

	private String currentVersion() {
		return get(MIGRATIONS).json().read("$.dataSources.dataSource.currentVersion", String.class);
	}

	private int pending() {
		return get(MIGRATIONS).json().read("$.dataSources.dataSource.pending", Integer.class);
	}

	private void start(Class<?> migrations, String... properties) {
		this.context = builder(migrations, properties).run();
	}

	private SpringApplicationBuilder builder(Class<?> migrations, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class, migrations)
			.properties("server.port=0", "management.endpoints.web.exposure.include=migrations,health,metrics",
					"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true")
			.properties(database())
			.properties(properties)
			.listeners(this.port);
	}

	private Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private Response post(String json) {
		return send(HttpRequest.newBuilder(uri(MIGRATIONS))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port.get() + path);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body, String contentType) {

		DocumentContext json() {
			return JsonPath.parse(this.body);
		}

	}

	/**
	 * The port the web server listens on, known as soon as it started.
	 */
	static final class ServerPort implements ApplicationListener<WebServerInitializedEvent> {

		private volatile CompletableFuture<Integer> port = new CompletableFuture<>();

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			this.port.complete(event.getWebServer().getPort());
		}

		void reset() {
			this.port = new CompletableFuture<>();
		}

		int get() {
			try {
				return this.port.get(120, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The web server did not start", ex);
			}
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY)");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("DROP TABLE users");
		}

	}

	static class V2__AddNames implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users ADD COLUMN name varchar(100)");
		}

	}

	static class V2__Explode implements Migration {

		@Override
		public void up(MigrationContext context) {
			throw new IllegalStateException("no room");
		}

	}

	static class V2__WaitForTheTest implements Migration {

		@Override
		public void up(MigrationContext context) {
			blockingStarted.countDown();
			try {
				if (!blockingReleased.await(120, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The test did not release the migration");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	@Import({ V1__CreateUsers.class, V2__AddNames.class })
	static class GoodMigrations {

	}

	@Import(V1__CreateUsers.class)
	static class FirstMigrationOnly {

	}

	static class V2__AddEmails implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users ADD COLUMN email varchar(100)");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users DROP COLUMN email");
		}

	}

	@Import({ V1__CreateUsers.class, V2__AddEmails.class })
	static class ReversibleMigrations {

	}

	@Import({ V1__CreateUsers.class, V2__Explode.class })
	static class FailingMigrations {

	}

	@Import({ V1__CreateUsers.class, V2__WaitForTheTest.class })
	static class BlockingMigrations {

	}

}
