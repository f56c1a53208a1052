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

import dev.migrations.MigrationAppliedEvent;
import dev.migrations.MigrationFailedEvent;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationRunFinishedEvent;
import dev.migrations.MigrationRunStartedEvent;
import dev.migrations.RunResult;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes what migrators do as application events: {@link MigrationRunStartedEvent},
 * {@link MigrationAppliedEvent}, {@link MigrationFailedEvent} and
 * {@link MigrationRunFinishedEvent}.
 */
final class MigrationEventPublisher implements MigrationListener {

	private final ApplicationEventPublisher publisher;

	MigrationEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void runStarted(String dataSourceName, int count) {
		this.publisher.publishEvent(new MigrationRunStartedEvent(dataSourceName, count));
	}

	@Override
	public void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
		this.publisher.publishEvent(new MigrationAppliedEvent(dataSourceName, outcome));
	}

	@Override
	public void migrationFailed(String dataSourceName, MigrationOutcome outcome) {
		this.publisher.publishEvent(new MigrationFailedEvent(dataSourceName, outcome));
	}

	@Override
	public void runFinished(String dataSourceName, RunResult result, boolean success) {
		this.publisher.publishEvent(new MigrationRunFinishedEvent(dataSourceName, result, success));
	}

}
