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

import dev.migrations.MigrationException;
import dev.migrations.MigratorRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the command mode: with {@code migrations.command} set, the
 * runner that runs that one operation and exits. It fails the start, saying why, when the
 * request does not fit or no DataSource is migrated.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnProperty("migrations.command")
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationsCommandAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MigrationsCommandRunner.class)
	MigrationsCommandRunner migrationsCommandRunner(ObjectProvider<MigratorRegistry> migratorRegistry,
			MigrationsProperties properties) {
		CommandRequest request = CommandRequest.of(properties);
		MigratorRegistry registry = migratorRegistry.getIfAvailable();
		if (registry == null) {
			throw new MigrationException("migrations.command=" + request.command() + " has nothing to run on: no "
					+ "migrations are configured, because there is no DataSource bean or migrations.enabled=false. "
					+ "Configure a DataSource (spring.datasource.url) and leave migrations enabled, or remove "
					+ "migrations.command.");
		}
		return new MigrationsCommandRunner(registry, request, System.out, System.err);
	}

}
