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

import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.MigratorRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot which DataSources our migrations manage, so that Hibernate's
 * {@code ddl-auto} default ({@code create-drop} on an embedded database) turns to
 * {@code none} for them, as it does for Flyway's and Liquibase's.
 */
final class MigrationsSchemaManagementProvider implements SchemaManagementProvider {

	private final ListableBeanFactory beanFactory;

	private final ObjectProvider<MigratorRegistry> registry;

	MigrationsSchemaManagementProvider(ListableBeanFactory beanFactory, ObjectProvider<MigratorRegistry> registry) {
		this.beanFactory = beanFactory;
		this.registry = registry;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		MigratorRegistry migrators = this.registry.getIfAvailable();
		if (migrators == null) {
			return SchemaManagement.UNMANAGED;
		}
		for (Map.Entry<String, DataSource> bean : this.beanFactory.getBeansOfType(DataSource.class, false, false)
			.entrySet()) {
			if (bean.getValue() == dataSource && migrators.find(bean.getKey()) != null) {
				return SchemaManagement.MANAGED;
			}
		}
		return SchemaManagement.UNMANAGED;
	}

}
