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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.actuate.MigrationsMetrics;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsMetricsAutoConfiguration.class));

	@TempDir
	Path directory;

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties());
	}

	@Test
	void timesMigrationsRunWhileTheContextStarts() {
		withDatabase().withUserConfiguration(MeterRegistryConfiguration.class, MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=startup")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("migrations.duration")
					.tag("data.source", "dataSource")
					.tag("version", "1")
					.tag("operation", "UP")
					.tag("outcome", "SUCCESS")
					.timer()
					.count()).isOne();
			});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		withDatabase().run((context) -> assertThat(context).doesNotHaveBean(MigrationsMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		withDatabase().withUserConfiguration(MeterRegistryConfiguration.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsMetrics.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationConfiguration {

		@Bean
		MigrationsAutoConfigurationTests.V1__CreateUsers createUsers() {
			return new MigrationsAutoConfigurationTests.V1__CreateUsers();
		}

	}

}
