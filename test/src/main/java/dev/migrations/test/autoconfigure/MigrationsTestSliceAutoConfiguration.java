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
package dev.migrations.test.autoconfigure;

import javax.sql.DataSource;

import dev.migrations.MigratorRegistry;
import dev.migrations.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.autoconfigure.MigrationsProperties;
import dev.migrations.autoconfigure.MigrationsProperties.RunOn;
import dev.migrations.autoconfigure.MigrationsRunner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What Spring Boot's JDBC and JPA test slices need to migrate as the application does:
 * the application's Migration components, which the slice's scan leaves out, and a runner
 * that applies them while the context starts ({@code run-on=startup}, as Boot runs
 * Flyway), so that Hibernate validates the migrated schema. An explicit
 * {@code migrations.run-on} wins. Listed for
 * {@code @AutoConfigureDataSourceInitialization}, never for whole applications.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = MigrationsAutoConfiguration.class)
@ConditionalOnClass(MigrationsAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
public final class MigrationsTestSliceAutoConfiguration {

	static final String RUN_ON = "migrations.run-on";

	@Bean
	static MigrationComponentScanner migrationComponentScanner() {
		return new MigrationComponentScanner();
	}

	@Bean
	@ConditionalOnMissingBean(MigrationsRunner.class)
	MigrationsRunner migrationsRunner(MigratorRegistry migratorRegistry, MigrationsProperties properties,
			Environment environment) {
		RunOn runOn = environment.containsProperty(RUN_ON) ? properties.getRunOn() : RunOn.STARTUP;
		return new MigrationsRunner(migratorRegistry, runOn, properties.getOnFailure(), properties.isRepairOnStart());
	}

}
