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

import dev.migrations.Migration;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

/**
 * Marks the Migration beans that {@link DeferredMigrationBean} can stand in for as lazy,
 * so that a start-up with nothing pending creates none of them. A bean whose laziness is
 * already decided ({@code @Lazy}, either way) is left as it is.
 */
final class DeferredMigrationBeansPostProcessor implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanNamesForType(Migration.class, true, false)) {
			if (!beanFactory.containsBeanDefinition(name)) {
				continue;
			}
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition instanceof AbstractBeanDefinition bean && bean.getLazyInit() == null
					&& definition.isSingleton() && !definition.isAbstract()) {
				Class<?> type = beanFactory.getType(name, false);
				String version = (type != null) ? DeferredMigrationBean.deferrableVersion(definition, type) : null;
				definition.setAttribute(DeferredMigrationBean.VERSION_ATTRIBUTE, (version != null) ? version : "");
				if (version != null) {
					bean.setLazyInit(true);
				}
			}
		}
	}

}
