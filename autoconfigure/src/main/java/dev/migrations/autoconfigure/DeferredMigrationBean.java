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
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * A migration bean that start-up does not create. When its class keeps
 * {@link Migration}'s own {@code version()}, {@code checksum()} and {@code dataSource()},
 * the class name says all a start-up needs (version, no checksum, the primary
 * DataSource), so the bean is created only when something asks more of it: applying it,
 * or a status that shows its description. With nothing pending, none is created.
 */
final class DeferredMigrationBean implements Migration, MigrationSource {

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
			if (beanFactory instanceof ConfigurableListableBeanFactory configurable
					&& configurable.containsBeanDefinition(name)
					&& !configurable.getBeanDefinition(name).isAutowireCandidate()) {
				continue;
			}
			Class<?> type = beanFactory.getType(name, false);
			String version = (type != null) ? deferrableVersion(type) : null;
			migrations.add((version != null) ? new DeferredMigrationBean(beanFactory, name, type, version)
					: beanFactory.getBean(name, Migration.class));
		}
		return migrations;
	}

	/**
	 * Return the version a class's name gives when the class leaves version, checksum and
	 * DataSource to {@link Migration}'s defaults, else {@code null}: such a bean must be
	 * created to answer.
	 */
	static @Nullable String deferrableVersion(Class<?> beanType) {
		Class<?> type = ClassUtils.getUserClass(beanType);
		if (!Migration.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())
				|| !keepsDefault(type, "version") || !keepsDefault(type, "checksum")
				|| !keepsDefault(type, "dataSource")) {
			return null;
		}
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
