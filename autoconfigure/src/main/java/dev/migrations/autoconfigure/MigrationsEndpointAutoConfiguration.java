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
import dev.migrations.actuate.MigrationsRequestBodyAdvisor;
import dev.migrations.actuate.MigrationsRequestBodyExceptionResolver;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

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

	@Bean
	@ConditionalOnMissingBean(MigrationsRequestBodyAdvisor.class)
	@ConditionalOnBean(MigrationsEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = MigrationsEndpoint.class, exposure = EndpointExposure.WEB)
	static MigrationsRequestBodyAdvisor migrationsRequestBodyAdvisor() {
		return new MigrationsRequestBodyAdvisor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(HandlerExceptionResolver.class)
	@ConditionalOnAvailableEndpoint(endpoint = MigrationsEndpoint.class, exposure = EndpointExposure.WEB)
	static class ServletRequestBodyConfiguration {

		@Bean
		@ConditionalOnMissingBean(MigrationsRequestBodyExceptionResolver.class)
		MigrationsRequestBodyExceptionResolver migrationsRequestBodyExceptionResolver(
				ObjectProvider<PathMappedEndpoints> pathMappedEndpoints) {
			EndpointId id = EndpointId.of("migrations");
			return new MigrationsRequestBodyExceptionResolver(() -> {
				PathMappedEndpoints endpoints = pathMappedEndpoints.getIfAvailable();
				return (endpoints != null) ? endpoints.getPath(id) : null;
			});
		}

	}

}
