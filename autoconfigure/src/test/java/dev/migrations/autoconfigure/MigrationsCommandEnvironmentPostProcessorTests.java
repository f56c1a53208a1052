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

import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MigrationsCommandEnvironmentPostProcessorTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void commandTurnsOffTheWebServerAndTheMigrationRunEvenWhenConfigured() {
		postProcess("migrations.command=status", "spring.main.web-application-type=servlet",
				"migrations.run-on=startup");
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(this.environment.getProperty("migrations.run-on")).isEqualTo("manual");
	}

	@Test
	void commandQuietensTheLogUnlessConfigured() {
		postProcess("migrations.command=status", "logging.level.root=info");
		assertThat(this.environment.getProperty("logging.level.root")).isEqualTo("info");
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
	}

	@Test
	void withoutACommandNothingChanges() {
		postProcess("migrations.run-on=startup");
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(this.environment.getProperty("migrations.run-on")).isEqualTo("startup");
		assertThat(this.environment.getPropertySources().contains(MigrationsCommandEnvironmentPostProcessor.DEFAULTS))
			.isFalse();
	}

	@Test
	void commandInAnAheadOfTimeProcessedStartIsRefusedWithWhatToDo() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
		try {
			assertThatIllegalStateException().isThrownBy(() -> postProcess("migrations.command=status"))
				.withMessageStartingWith("migrations.command=status cannot run in a start from ahead-of-time")
				.withMessageEndingWith("without -Dspring.aot.enabled=true.");
		}
		finally {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		}
	}

	private void postProcess(String... properties) {
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(this.environment, properties);
		new MigrationsCommandEnvironmentPostProcessor().postProcessEnvironment(this.environment,
				new SpringApplication());
	}

}
