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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Ahead-of-time processing for migrations: what a native image must keep so that the
 * engine finds at run time what it finds on the JVM. Each Migration bean's class keeps
 * its public methods (the engine asks whether it declares {@code down} and its own
 * {@code version} or {@code checksum}), and the SQL files under every configured
 * {@code classpath:} location (and the fresh schema) stay in the image as resources.
 * Locations are read from the build's environment: a location given only at run time is
 * not known here, as with any configuration that AOT processing freezes.
 */
final class MigrationsAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String CLASSPATH = "classpath:";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		List<Class<?>> migrationTypes = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(Migration.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				migrationTypes.add(ClassUtils.getUserClass(type));
			}
		}
		Set<String> resourcePatterns = resourcePatterns(beanFactory.getBean(Environment.class));
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), migrationTypes,
				resourcePatterns);
	}

	private static void register(RuntimeHints hints, List<Class<?>> migrationTypes, Set<String> resourcePatterns) {
		for (Class<?> type : migrationTypes) {
			hints.reflection().registerType(type, MemberCategory.INTROSPECT_PUBLIC_METHODS);
		}
		for (String pattern : resourcePatterns) {
			hints.resources().registerPattern(pattern);
		}
	}

	/** The resource patterns of the classpath locations and fresh schemas configured. */
	private static Set<String> resourcePatterns(Environment environment) {
		MigrationsProperties properties = Binder.get(environment)
			.bind("migrations", MigrationsProperties.class)
			.orElseGet(MigrationsProperties::new);
		Set<String> patterns = new LinkedHashSet<>();
		addLocations(patterns, properties.getLocations());
		addResource(patterns, properties.getFreshSchema());
		for (MigrationsProperties.DataSourceMigrations dataSource : properties.getDataSources().values()) {
			addLocations(patterns, dataSource.getLocations());
			addResource(patterns, dataSource.getFreshSchema());
		}
		return patterns;
	}

	private static void addLocations(Set<String> patterns, @Nullable List<String> locations) {
		if (locations != null) {
			for (String location : locations) {
				String path = classpathPath(location);
				if (path != null) {
					patterns.add((path.isEmpty() ? "" : path + "/") + "**/*.sql");
				}
			}
		}
	}

	private static void addResource(Set<String> patterns, @Nullable String resource) {
		String path = (resource != null) ? classpathPath(resource) : null;
		if (path != null && !path.isEmpty()) {
			patterns.add(path);
		}
	}

	private static @Nullable String classpathPath(String location) {
		if (!location.startsWith(CLASSPATH)) {
			return null;
		}
		String path = location.substring(CLASSPATH.length());
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		return (path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

}
