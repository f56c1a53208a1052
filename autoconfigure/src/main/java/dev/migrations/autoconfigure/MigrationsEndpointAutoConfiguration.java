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

import dev.migrations.MigratorRegistry;
import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.MigrationsEndpointWebExtension;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code migrations} actuator endpoint.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(MigratorRegistry.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MigrationsEndpoint.class)
	MigrationsEndpoint migrationsEndpoint(MigratorRegistry migratorRegistry, MigrationsProperties properties) {
		return new MigrationsEndpoint(migratorRegistry, properties.getHistoryLimit());
	}

	@Bean
	@ConditionalOnMissingBean(MigrationsEndpointWebExtension.class)
	@ConditionalOnBean(MigrationsEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	MigrationsEndpointWebExtension migrationsEndpointWebExtension(MigrationsEndpoint migrationsEndpoint) {
		return new MigrationsEndpointWebExtension(migrationsEndpoint);
	}

}
