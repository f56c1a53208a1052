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

package dev.migrations.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.MigrationAppliedEvent;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedEvent;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationRunFinishedEvent;
import dev.migrations.MigrationRunStartedEvent;
import dev.migrations.Migrator;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationEventPublisherTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.run-on=manual");

	@TempDir
	Path directory;

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties());
	}

	@Test
	void runPublishesStartedAppliedAndFinishedEvents() {
		withDatabase().withUserConfiguration(EventsConfiguration.class, GoodMigrations.class).run((context) -> {
			context.getBean(Migrator.class).migrate();
			List<Object> events = context.getBean(Events.class).received;
			assertThat(events).hasSize(4);
			assertThat(events.get(0)).isEqualTo(new MigrationRunStartedEvent("dataSource", 2));
			assertThat(events.get(1)).isInstanceOfSatisfying(MigrationAppliedEvent.class,
					(applied) -> assertThat(applied.dataSourceName() + " " + applied.version())
						.isEqualTo("dataSource 1"));
			assertThat(events.get(2)).isInstanceOfSatisfying(MigrationAppliedEvent.class,
					(applied) -> assertThat(applied.version()).isEqualTo("2"));
			assertThat(events.get(3)).isInstanceOfSatisfying(MigrationRunFinishedEvent.class, (finished) -> {
				assertThat(finished.success()).isTrue();
				assertThat(finished.version()).isEqualTo("2");
			});
		});
	}

	@Test
	void failedMigrationPublishesFailedEventAndUnsuccessfulFinish() {
		withDatabase().withUserConfiguration(EventsConfiguration.class, FailingMigrations.class).run((context) -> {
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> context.getBean(Migrator.class).migrate());
			List<Object> events = context.getBean(Events.class).received;
			assertThat(events).hasSize(4);
			assertThat(events.get(2)).isInstanceOfSatisfying(MigrationFailedEvent.class, (failed) -> {
				assertThat(failed.dataSourceName()).isEqualTo("dataSource");
				assertThat(failed.version()).isEqualTo("2");
				assertThat(failed.outcome().error()).contains("no room");
			});
			assertThat(events.get(3)).isInstanceOfSatisfying(MigrationRunFinishedEvent.class,
					(finished) -> assertThat(finished.success()).isFalse());
		});
	}

	static class Events {

		final List<Object> received = new CopyOnWriteArrayList<>();

		@EventListener
		void started(MigrationRunStartedEvent event) {
			this.received.add(event);
		}

		@EventListener
		void applied(MigrationAppliedEvent event) {
			this.received.add(event);
		}

		@EventListener
		void failed(MigrationFailedEvent event) {
			this.received.add(event);
		}

		@EventListener
		void finished(MigrationRunFinishedEvent event) {
			this.received.add(event);
		}

	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY)");
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

	@Configuration(proxyBeanMethods = false)
	static class EventsConfiguration {

		@Bean
		Events events() {
			return new Events();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GoodMigrations {

		@Bean
		V1__CreateUsers createUsers() {
			return new V1__CreateUsers();
		}

		@Bean
		V2__AddNames addNames() {
			return new V2__AddNames();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingMigrations {

		@Bean
		V1__CreateUsers createUsers() {
			return new V1__CreateUsers();
		}

		@Bean
		V2__Explode explode() {
			return new V2__Explode();
		}

	}

}
