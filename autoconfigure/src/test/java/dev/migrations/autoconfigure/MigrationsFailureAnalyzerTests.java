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

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;
import dev.migrations.MigrationValidationException;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsFailureAnalyzerTests {

	private final MigrationsFailureAnalyzer analyzer = new MigrationsFailureAnalyzer();

	@Test
	void validationFailureNamesBothWaysToRepairWithoutTheEndpoint() {
		MigrationValidationException failure = new MigrationValidationException("dataSource",
				List.of("Migration 3 was applied with checksum a but its checksum is now b. Revert the change and "
						+ "add a new migration instead, or run repair to accept it."));
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription()).contains("checksum is now b");
		assertThat(analysis.getAction()).contains("start once with --migrations.repair-on-start=true")
			.contains("run `java -jar app.jar --migrations.command=repair`");
	}

	@Test
	void otherFailuresFollowTheirMessage() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationException("Something broke. Fix it."));
		assertThat(analysis.getAction()).isEqualTo("Follow the advice in the message above.");
	}

}
