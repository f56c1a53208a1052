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

import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.RunResult;

/**
 * Every {@link MigrationListener} bean, called in order.
 */
final class MigrationListeners implements MigrationListener {

	private final List<MigrationListener> listeners;

	MigrationListeners(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void runStarted(String dataSourceName, int count) {
		this.listeners.forEach((listener) -> listener.runStarted(dataSourceName, count));
	}

	@Override
	public void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
		this.listeners.forEach((listener) -> listener.migrationSucceeded(dataSourceName, outcome));
	}

	@Override
	public void migrationFailed(String dataSourceName, MigrationOutcome outcome) {
		this.listeners.forEach((listener) -> listener.migrationFailed(dataSourceName, outcome));
	}

	@Override
	public void runFinished(String dataSourceName, RunResult result, boolean success) {
		this.listeners.forEach((listener) -> listener.runFinished(dataSourceName, result, success));
	}

}
