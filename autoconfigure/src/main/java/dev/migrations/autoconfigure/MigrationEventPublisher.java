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
import java.util.List;

import dev.migrations.MigrationAppliedEvent;
import dev.migrations.MigrationFailedEvent;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationRunFinishedEvent;
import dev.migrations.MigrationRunStartedEvent;
import dev.migrations.RunResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Publishes what migrators do as application events: {@link MigrationRunStartedEvent},
 * {@link MigrationAppliedEvent}, {@link MigrationFailedEvent} and
 * {@link MigrationRunFinishedEvent}.
 * <p>
 * Events of a run that happens while the context is still being built
 * ({@code migrations.run-on=startup}) are held back and published, in order, once the
 * context has refreshed: Spring registers {@code @EventListener} methods only after every
 * singleton exists, so they would miss them otherwise. Either way they arrive before the
 * application is ready.
 */
final class MigrationEventPublisher implements MigrationListener, ApplicationListener<ContextRefreshedEvent> {

	private final ApplicationEventPublisher publisher;

	private final List<Object> heldBack = new ArrayList<>();

	private boolean refreshed;

	MigrationEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		List<Object> events;
		synchronized (this.heldBack) {
			if (this.refreshed) {
				return;
			}
			this.refreshed = true;
			events = List.copyOf(this.heldBack);
			this.heldBack.clear();
		}
		events.forEach(this.publisher::publishEvent);
	}

	@Override
	public void runStarted(String dataSourceName, int count) {
		publish(new MigrationRunStartedEvent(dataSourceName, count));
	}

	@Override
	public void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
		publish(new MigrationAppliedEvent(dataSourceName, outcome));
	}

	@Override
	public void migrationFailed(String dataSourceName, MigrationOutcome outcome) {
		publish(new MigrationFailedEvent(dataSourceName, outcome));
	}

	@Override
	public void runFinished(String dataSourceName, RunResult result, boolean success) {
		publish(new MigrationRunFinishedEvent(dataSourceName, result, success));
	}

	private void publish(Object event) {
		synchronized (this.heldBack) {
			if (!this.refreshed) {
				this.heldBack.add(event);
				return;
			}
		}
		this.publisher.publishEvent(event);
	}

}
