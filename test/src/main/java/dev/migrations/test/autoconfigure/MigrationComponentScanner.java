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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.Migration;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Registers the {@code @Component} classes implementing {@link Migration} found in the
 * application's auto-configuration packages (those of its
 * {@code @SpringBootApplication}), which a test slice's component scan leaves out. A
 * class that is already a bean is left alone, so nothing is registered twice.
 */
final class MigrationComponentScanner
		implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, ResourceLoaderAware {

	private Environment environment = new StandardEnvironment();

	private ResourceLoader resourceLoader = new DefaultResourceLoader();

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof BeanFactory beanFactory) || !AutoConfigurationPackages.has(beanFactory)) {
			return;
		}
		List<String> packages = AutoConfigurationPackages.get(beanFactory);
		Set<String> known = knownClassNames(registry);
		ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(registry, false, this.environment,
				this.resourceLoader);
		AssignableTypeFilter migration = new AssignableTypeFilter(Migration.class);
		AnnotationTypeFilter component = new AnnotationTypeFilter(Component.class);
		scanner.addIncludeFilter((reader, factory) -> migration.match(reader, factory)
				&& component.match(reader, factory) && !known.contains(reader.getClassMetadata().getClassName()));
		scanner.scan(packages.toArray(String[]::new));
	}

	private static Set<String> knownClassNames(BeanDefinitionRegistry registry) {
		Set<String> names = new HashSet<>();
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			if (definition.getBeanClassName() != null) {
				names.add(definition.getBeanClassName());
			}
		}
		return names;
	}

}
