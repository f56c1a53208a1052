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

package dev.migrations.autoconfigure.startup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.DatabaseState;
import dev.migrations.Migration;
import dev.migrations.MigrationAppliedEvent;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationRunFinishedEvent;
import dev.migrations.MigrationRunStartedEvent;
import dev.migrations.Migrator;
import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.testsupport.PostgresTestDatabase;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code migrations.run-on=startup} against {@code ready}, in whole applications on
 * PostgreSQL with Hibernate validating its entities ({@code ddl-auto=validate}).
 */
class MigrationsRunOnStartupIntegrationTests {

	private static final List<String> seen = new CopyOnWriteArrayList<>();

	private PostgresTestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresTestDatabase.create(MigrationsRunOnStartupIntegrationTests.class);
		seen.clear();
	}

	@Test
	void hibernateValidatesATableThatOnlyAMigrationCreatesWithStartup() {
		try (ConfigurableApplicationContext context = start(JpaApplication.class, "startup")) {
			AccountRepository accounts = context.getBean(AccountRepository.class);
			accounts.save(new Account(1L, "ann"));
			assertThat(accounts.count()).isEqualTo(2);
			assertThat(context.getBean(Migrator.class).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		}
	}

	@Test
	void hibernateValidationFailsWithReadyBecauseTheTableIsNotThereYet() {
		assertThatException().isThrownBy(() -> start(JpaApplication.class, "ready"))
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())
				.contains("missing table [accounts]"));
	}

	@Test
	void beanThatDependsOnDatabaseInitializationSeesTheMigratedSchema() {
		try (ConfigurableApplicationContext context = start(CacheApplication.class, "startup")) {
			assertThat(context.getBean(AccountCache.class).names()).containsExactly("root");
		}
	}

	@Test
	void failureFailsTheRefreshWithOurMessage() {
		assertThatException().isThrownBy(() -> start(FailingApplication.class, "startup"))
			.isInstanceOf(BeanCreationException.class)
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessage("no room");
		assertThatException().isThrownBy(() -> start(FailingApplication.class, "startup"))
			.satisfies((ex) -> assertThat(findMigrationFailure(ex)).isNotNull()
				.satisfies((failure) -> assertThat(failure.getMessage())
					.contains("Migration 2 (" + V2__Explode.class.getName() + ")")
					.contains("no room")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ready", "startup" })
	void readinessEndpointAndEventsBehaveTheSame(String runOn) {
		try (ConfigurableApplicationContext context = start(ObservedApplication.class, runOn,
				"management.endpoints.web.exposure.include=migrations")) {
			assertThat(seen).filteredOn((entry) -> entry.startsWith("readiness"))
				.containsExactly("readiness during migration: REFUSING_TRAFFIC");
			assertThat(seen).filteredOn((entry) -> entry.startsWith("event"))
				.containsExactly("event: MigrationRunStartedEvent", "event: MigrationAppliedEvent 1",
						"event: MigrationRunFinishedEvent");
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(context.getBean(MigrationsEndpoint.class).migrations().dataSources().get("dataSource").state())
				.isEqualTo(DatabaseState.UP_TO_DATE);
		}
	}

	private ConfigurableApplicationContext start(Class<?> application, String runOn, String... properties) {
		String[] args = new String[properties.length + 3];
		args[0] = "--migrations.run-on=" + runOn;
		// Turn Hibernate and Spring Data JPA back on (see application.properties).
		args[1] = "--spring.autoconfigure.exclude=";
		// Hibernate checks the entity against the table while the context starts.
		args[2] = "--spring.jpa.hibernate.ddl-auto="
				+ ((application == ObservedApplication.class) ? "none" : "validate");
		for (int i = 0; i < properties.length; i++) {
			args[i + 3] = "--" + properties[i];
		}
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(this.database.datasourceProperties())
			.run(args);
	}

	private static MigrationFailedException findMigrationFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationFailedException failure) {
				return failure;
			}
		}
		return null;
	}

	@Entity
	@Table(name = "accounts")
	static class Account {

		@Id
		private Long id;

		private String name;

		protected Account() {
		}

		Account(Long id, String name) {
			this.id = id;
			this.name = name;
		}

	}

	interface AccountRepository extends JpaRepository<Account, Long> {

	}

	static class V1__CreateAccounts implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(255))");
			context.jdbc().execute("INSERT INTO accounts (id, name) VALUES (0, 'root')");
		}

	}

	static class V2__Explode implements Migration {

		@Override
		public void up(MigrationContext context) {
			throw new IllegalStateException("no room");
		}

	}

	/**
	 * Reads the accounts while the context starts, as a cache warmed at start-up does.
	 */
	@DependsOnDatabaseInitialization
	static class AccountCache {

		private final List<String> names;

		AccountCache(JdbcTemplate jdbc) {
			this.names = jdbc.queryForList("SELECT name FROM accounts ORDER BY id", String.class);
		}

		List<String> names() {
			return this.names;
		}

	}

	static class V1__RecordReadiness implements Migration {

		private final ApplicationAvailability availability;

		V1__RecordReadiness(ApplicationAvailability availability) {
			this.availability = availability;
		}

		@Override
		public void up(MigrationContext context) {
			seen.add("readiness during migration: " + this.availability.getReadinessState());
			context.jdbc().execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(255))");
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableJpaRepositories(considerNestedRepositories = true)
	@Import(V1__CreateAccounts.class)
	static class JpaApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ V1__CreateAccounts.class, AccountCache.class })
	static class CacheApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ V1__CreateAccounts.class, V2__Explode.class })
	static class FailingApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ObservedApplication {

		@Bean
		V1__RecordReadiness recordReadiness(ApplicationAvailability availability) {
			return new V1__RecordReadiness(availability);
		}

		@Bean
		EventRecorder eventRecorder() {
			return new EventRecorder();
		}

	}

	static class EventRecorder {

		@EventListener
		void runStarted(MigrationRunStartedEvent event) {
			seen.add("event: MigrationRunStartedEvent");
		}

		@EventListener
		void applied(MigrationAppliedEvent event) {
			seen.add("event: MigrationAppliedEvent " + event.version());
		}

		@EventListener
		void runFinished(MigrationRunFinishedEvent event) {
			seen.add("event: MigrationRunFinishedEvent");
		}

	}

}
