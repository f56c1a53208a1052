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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigratorRegistry;
import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.MigrationsEndpointWebExtension;
import dev.migrations.actuate.MigrationsRequestBodyAdvisor;
import dev.migrations.actuate.MigrationsRequestBodyExceptionResolver;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class));

	@TempDir
	Path directory;

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties());
	}

	@Test
	void createsEndpointAndWebExtensionWhenExposed() {
		withDatabase().withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.hasSingleBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void checksRequestBodiesInAServletWebApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationsAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties())
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsRequestBodyAdvisor.class)
				.hasSingleBean(MigrationsRequestBodyExceptionResolver.class));
	}

	@Test
	void registersNoExceptionResolverOutsideAServletWebApplication() {
		withDatabase().withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsRequestBodyAdvisor.class)
				.doesNotHaveBean(MigrationsRequestBodyExceptionResolver.class));
	}

	@Test
	void endpointShowsNoMoreHistoryThanTheHistoryLimit() {
		withDatabase()
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.history-limit=0",
					"migrations.run-on=startup")
			.withUserConfiguration(MigrationConfiguration.class)
			.run((context) -> assertThat(
					context.getBean(MigrationsEndpoint.class).migrations().dataSources().get("dataSource").history())
				.isEmpty());
	}

	@Test
	void backsOffWhenNotExposed() {
		withDatabase().run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class)
			.doesNotHaveBean(MigrationsEndpointWebExtension.class)
			.doesNotHaveBean(MigrationsRequestBodyAdvisor.class));
	}

	@Test
	void backsOffWhenEndpointAccessIsNone() {
		withDatabase()
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		withDatabase().withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(MigratorRegistry.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenMigrationsAreDisabled() {
		withDatabase()
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenUserDefinesEndpoint() {
		withDatabase().withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withUserConfiguration(UserEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class).hasBean("userEndpoint"));
	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationConfiguration {

		@Bean
		MigrationsAutoConfigurationTests.V1__CreateUsers createUsers() {
			return new MigrationsAutoConfigurationTests.V1__CreateUsers();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		@Bean
		MigrationsEndpoint userEndpoint(MigratorRegistry registry) {
			return new MigrationsEndpoint(registry, 5);
		}

	}

}
