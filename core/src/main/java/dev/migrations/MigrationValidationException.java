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

package dev.migrations;

import java.util.List;

/**
 * Thrown when migrations fail validation; nothing was changed. Lists every problem found.
 *
 * @since 0.1.0
 */
public class MigrationValidationException extends MigrationException {

	private final List<String> problems;

	/**
	 * Create a new exception.
	 * @param dataSourceName the DataSource whose migrations failed validation
	 * @param problems every problem found, each naming its subject and the next step
	 */
	public MigrationValidationException(String dataSourceName, List<String> problems) {
		super(message(dataSourceName, problems));
		this.problems = List.copyOf(problems);
	}

	private static String message(String dataSourceName, List<String> problems) {
		StringBuilder message = new StringBuilder("Migrations for DataSource '").append(dataSourceName)
			.append("' failed validation; nothing was changed:");
		for (String problem : problems) {
			message.append(System.lineSeparator()).append(" - ").append(problem);
		}
		return message.toString();
	}

	/**
	 * Return every problem found.
	 * @return the problems, each naming its subject and the next step
	 */
	public List<String> problems() {
		return this.problems;
	}

}
