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

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;

import org.springframework.util.StringUtils;

/**
 * What {@code migrations.command} and its sibling properties ask for, checked before
 * anything runs so that a request that cannot work changes nothing.
 *
 * @param command the operation
 * @param steps how many migrations rollback reverses, or {@code null}
 * @param version the version of migrate, rollback or baseline, or {@code null}
 * @param dataSource the DataSource bean name to run on, or {@code null}
 */
record CommandRequest(MigrationsCommand command, @Nullable Integer steps, @Nullable String version,
		@Nullable String dataSource) {

	CommandRequest {
		version = StringUtils.hasText(version) ? version.trim() : null;
		dataSource = StringUtils.hasText(dataSource) ? dataSource.trim() : null;
		check(command, steps, version);
	}

	/**
	 * Read the request from the properties.
	 * @param properties the bound properties, {@code migrations.command} set
	 * @return the request
	 * @throws MigrationException when the command is unknown or its arguments do not fit
	 */
	static CommandRequest of(MigrationsProperties properties) {
		String command = properties.getCommand();
		if (command == null) {
			throw new IllegalStateException("'migrations.command' must be set");
		}
		return new CommandRequest(MigrationsCommand.of(command), properties.getCommandSteps(),
				properties.getCommandVersion(), properties.getCommandDataSource());
	}

	private static void check(MigrationsCommand command, @Nullable Integer steps, @Nullable String version) {
		if (steps != null && command != MigrationsCommand.ROLLBACK) {
			throw new MigrationException("migrations.command-steps applies to the rollback command only, not to "
					+ command + ". Remove migrations.command-steps.");
		}
		boolean takesVersion = command == MigrationsCommand.MIGRATE || command == MigrationsCommand.ROLLBACK
				|| command == MigrationsCommand.BASELINE;
		if (version != null && !takesVersion) {
			throw new MigrationException("migrations.command-version does not apply to the " + command
					+ " command. Remove migrations.command-version.");
		}
		if (version != null && steps != null) {
			throw new MigrationException("The rollback command takes either migrations.command-version or "
					+ "migrations.command-steps, not both. Remove one of them.");
		}
		if (version == null && command == MigrationsCommand.BASELINE) {
			throw new MigrationException("The baseline command needs the version the database is at. Add "
					+ "--migrations.command-version=<version>, for example --migrations.command-version=5.");
		}
	}

}
