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

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns a start with {@code migrations.command} into a command run: no web server and no
 * migration run of its own ({@code migrations.run-on=manual}), whatever else is
 * configured; and, unless configured otherwise, no banner, no start-up info and only
 * warnings in the log, so that standard output carries the command's result.
 */
final class MigrationsCommandEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String FORCED = "migrationsCommand";

	static final String DEFAULTS = "migrationsCommandDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String command = environment.getProperty("migrations.command");
		if (!StringUtils.hasText(command)) {
			return;
		}
		if (AotDetector.useGeneratedArtifacts()) {
			// AOT processing fixed the context at build time, web server and all: a
			// command run would start the application instead, or fail obscurely.
			throw new IllegalStateException("migrations.command=" + command
					+ " cannot run in a start from ahead-of-time processed code (spring.aot.enabled=true), "
					+ "whose beans were fixed at build time without the command. Run the command on the same jar "
					+ "without -Dspring.aot.enabled=true.");
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(FORCED,
					Map.of("spring.main.web-application-type", "none", "migrations.run-on", "manual")));
		environment.getPropertySources()
			.addLast(new MapPropertySource(DEFAULTS, Map.of("spring.main.banner-mode", "off",
					"spring.main.log-startup-info", "false", "logging.level.root", "warn")));
	}

}
