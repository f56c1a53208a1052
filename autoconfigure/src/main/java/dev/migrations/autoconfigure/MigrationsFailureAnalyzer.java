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

import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationValidationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that migrations stopped, and what to do about it.
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	/**
	 * How to repair the history when the endpoint cannot be reached because the start
	 * stopped.
	 */
	static final String REPAIR_ADVICE = "Where a problem says \"run repair\", repair the history without "
			+ "the endpoint: start once with --migrations.repair-on-start=true, or run "
			+ "`java -jar app.jar --migrations.command=repair` (then start as usual). "
			+ "`--migrations.command=status` lists the problems without starting the application itself.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	/**
	 * Return what to do about a failure.
	 * @param cause the failure
	 * @return the advice
	 */
	static String action(MigrationException cause) {
		if (cause instanceof MigrationValidationException) {
			return "Fix each problem listed above; the database was not changed. " + REPAIR_ADVICE;
		}
		if (cause instanceof MigrationFailedException) {
			String action = "Fix the failing migration and start again: its attempt is recorded in the history "
					+ "table and nothing after it ran. To start the application anyway, set "
					+ "migrations.on-failure=continue.";
			return (String.valueOf(cause.getMessage()).contains("run repair")) ? action + " " + REPAIR_ADVICE : action;
		}
		if (cause instanceof LockTimeoutException) {
			return "Let the other instance finish, or raise migrations.lock-timeout.";
		}
		return "Follow the advice in the message above.";
	}

}
