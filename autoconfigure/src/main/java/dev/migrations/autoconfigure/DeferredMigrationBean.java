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

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationName;
import dev.migrations.engine.MigrationSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * A migration bean that start-up does not create. When its class keeps
 * {@link Migration}'s own {@code version()}, {@code checksum()} and {@code dataSource()},
 * the class name says all a start-up needs (version, no checksum, the primary
 * DataSource), so the bean is created only when something asks more of it: applying it,
 * or a status that shows its description. With nothing pending, none is created.
 */
final class DeferredMigrationBean implements Migration, MigrationSource {

	/**
	 * The bean-definition attribute where {@link DeferredMigrationBeansPostProcessor}
	 * leaves its answer (the version, or empty when the bean must be created), so that
	 * start-up asks each class once.
	 */
	static final String VERSION_ATTRIBUTE = DeferredMigrationBean.class.getName() + ".version";

	/** The methods whose defaults a deferred bean answers without being created. */
	private static final Set<String> DEFAULTS_KEPT = Set.of("version", "checksum", "dataSource");

	private final ListableBeanFactory beanFactory;

	private final String beanName;

	/** The user's class, not a CGLIB subclass. */
	private final Class<?> type;

	private final String version;

	private @Nullable Migration bean;

	private DeferredMigrationBean(ListableBeanFactory beanFactory, String beanName, Class<?> type, String version) {
		this.beanFactory = beanFactory;
		this.beanName = beanName;
		this.type = ClassUtils.getUserClass(type);
		this.version = version;
	}

	/**
	 * Return every Migration bean of the factory and its ancestors that is an autowire
	 * candidate (as injecting them all would): a deferred one where its class allows,
	 * else the bean itself.
	 */
	static List<Migration> all(ListableBeanFactory beanFactory) {
		List<Migration> migrations = new ArrayList<>();
		for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, Migration.class)) {
			BeanDefinition definition = (beanFactory instanceof ConfigurableListableBeanFactory configurable
					&& configurable.containsBeanDefinition(name)) ? configurable.getBeanDefinition(name) : null;
			if (definition != null && !definition.isAutowireCandidate()) {
				continue;
			}
			Class<?> type = beanFactory.getType(name, false);
			String version = (type != null) ? deferrableVersion(definition, type) : null;
			migrations.add((version != null) ? new DeferredMigrationBean(beanFactory, name, type, version)
					: beanFactory.getBean(name, Migration.class));
		}
		return migrations;
	}

	/**
	 * Return the version a bean's class name gives when the class leaves version,
	 * checksum and DataSource to {@link Migration}'s defaults, else {@code null}: such a
	 * bean must be created to answer. Takes the post-processor's answer when it left one.
	 * @param definition the bean's definition, if this factory has it
	 * @param beanType the bean's type
	 */
	static @Nullable String deferrableVersion(@Nullable BeanDefinition definition, Class<?> beanType) {
		if (definition != null && definition.getAttribute(VERSION_ATTRIBUTE) instanceof String known) {
			return (known.isEmpty()) ? null : known;
		}
		Class<?> type = ClassUtils.getUserClass(beanType);
		if (!Migration.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			return null;
		}
		Boolean keepsDefaults = keepsDefaults(definition, type);
		if (keepsDefaults == null) {
			keepsDefaults = DEFAULTS_KEPT.stream().allMatch((method) -> keepsDefault(type, method));
		}
		return (keepsDefaults) ? versionOf(type) : null;
	}

	/**
	 * Answer from the class metadata that component scanning read (no reflection) when
	 * the class implements Migration alone and extends nothing: it keeps the defaults
	 * unless it declares a method of their names. Otherwise {@code null}: ask the class.
	 */
	private static @Nullable Boolean keepsDefaults(@Nullable BeanDefinition definition, Class<?> type) {
		if (!(definition instanceof AnnotatedBeanDefinition annotated)
				|| annotated.getFactoryMethodMetadata() != null) {
			return null;
		}
		AnnotationMetadata metadata = annotated.getMetadata();
		String[] interfaces = metadata.getInterfaceNames();
		if (!metadata.getClassName().equals(type.getName())
				|| !Object.class.getName().equals(metadata.getSuperClassName()) || interfaces.length != 1
				|| !interfaces[0].equals(Migration.class.getName())) {
			return null;
		}
		for (MethodMetadata method : metadata.getDeclaredMethods()) {
			if (DEFAULTS_KEPT.contains(method.getMethodName())) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String versionOf(Class<?> type) {
		try {
			return MigrationName.versionOf(type);
		}
		catch (MigrationException ex) {
			// misnamed: created as usual, so the error names the bean as it always has
			return null;
		}
	}

	private static boolean keepsDefault(Class<?> type, String method) {
		try {
			return type.getMethod(method).getDeclaringClass() == Migration.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	/**
	 * Return the bean, created on first use.
	 * @throws BeansException if it cannot be created: applying it fails and is recorded
	 */
	private Migration bean() {
		Migration bean = this.bean;
		if (bean == null) {
			bean = this.beanFactory.getBean(this.beanName, Migration.class);
			this.bean = bean;
		}
		return bean;
	}

	/**
	 * Return the bean, or {@code null} if it cannot be created: questions asked around
	 * applying it get the defaults then, so that the failure is raised, and recorded, by
	 * {@code up} or {@code down}.
	 */
	private @Nullable Migration beanIfCreatable() {
		try {
			return bean();
		}
		catch (BeansException ex) {
			return null;
		}
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public @Nullable String checksum() {
		return null;
	}

	@Override
	public @Nullable String dataSource() {
		return null;
	}

	@Override
	public MigrationKind kind() {
		return MigrationKind.JAVA;
	}

	@Override
	public String source() {
		return this.type.getName();
	}

	@Override
	public String description() {
		Migration bean = beanIfCreatable();
		return (bean != null) ? bean.description() : MigrationName.of(this.type).description();
	}

	@Override
	public void up(MigrationContext context) throws Exception {
		bean().up(context);
	}

	@Override
	public void down(MigrationContext context) throws Exception {
		bean().down(context);
	}

	@Override
	public boolean reversible() {
		Migration bean = beanIfCreatable();
		return bean != null && bean.reversible();
	}

	@Override
	public boolean transactional() {
		Migration bean = beanIfCreatable();
		return bean == null || bean.transactional();
	}

	@Override
	public String toString() {
		return source();
	}

}
