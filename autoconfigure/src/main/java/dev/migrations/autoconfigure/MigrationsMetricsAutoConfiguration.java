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

import io.micrometer.core.instrument.MeterRegistry;

import dev.migrations.MigratorRegistry;
import dev.migrations.actuate.MigrationsMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for migrations meters: a timer per migration and a gauge of pending
 * migrations.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, MigratorRegistry.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MigrationsMetrics.class)
	MigrationsMetrics migrationsMetrics(ObjectProvider<MeterRegistry> meterRegistry,
			ObjectProvider<MigratorRegistry> migratorRegistry) {
		return new MigrationsMetrics(meterRegistry::getObject, migratorRegistry::getObject);
	}

}
