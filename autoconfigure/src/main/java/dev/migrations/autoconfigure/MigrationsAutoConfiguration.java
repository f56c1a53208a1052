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

import javax.sql.DataSource;

import dev.migrations.MigrationListener;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration for migrations: a {@link Migrator} per DataSource that has
 * migrations, the runner that applies them, and application events about what they do.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsAutoConfiguration {

	@Bean
	static DeferredMigrationBeansPostProcessor deferredMigrationBeansPostProcessor() {
		return new DeferredMigrationBeansPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean(MigratorRegistry.class)
	MigratorRegistry migratorRegistry(ListableBeanFactory beanFactory, ResourceLoader resourceLoader,
			MigrationsProperties properties, ObjectProvider<MigrationListener> listeners,
			ObjectProvider<MigrationsConnectionDetails> connectionDetails) {
		MigrationListener listener = new MigrationListeners(listeners.orderedStream().toList());
		return new MigratorFactory(beanFactory, properties, listener, resourceLoader,
				connectionDetails.getIfAvailable())
			.create(DeferredMigrationBean.all(beanFactory));
	}

	@Bean
	@ConditionalOnMissingBean(MigrationsConnectionDetails.class)
	PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
		return new PropertiesMigrationsConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(Migrator.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	Migrator migrator(MigratorRegistry migratorRegistry) {
		return migratorRegistry.primary();
	}

	@Bean
	@ConditionalOnMissingBean(MigrationsRunner.class)
	MigrationsRunner migrationsRunner(MigratorRegistry migratorRegistry, MigrationsProperties properties) {
		return new MigrationsRunner(migratorRegistry, properties.getRunOn(), properties.getOnFailure(),
				properties.isRepairOnStart());
	}

	@Bean
	@ConditionalOnMissingBean(MigrationsSchemaManagementProvider.class)
	MigrationsSchemaManagementProvider migrationsSchemaManagementProvider(ListableBeanFactory beanFactory,
			ObjectProvider<MigratorRegistry> migratorRegistry) {
		return new MigrationsSchemaManagementProvider(beanFactory, migratorRegistry);
	}

	@Bean
	@ConditionalOnMissingBean(MigrationEventPublisher.class)
	MigrationEventPublisher migrationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		return new MigrationEventPublisher(applicationEventPublisher);
	}

}
