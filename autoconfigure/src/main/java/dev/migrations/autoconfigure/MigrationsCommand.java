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

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.migrations.MigrationException;

/**
 * The operations {@code migrations.command} runs, named as the property spells them.
 */
enum MigrationsCommand {

	STATUS("status"), MIGRATE("migrate"), ROLLBACK("rollback"), BASELINE("baseline"), REPAIR("repair"),
	DRY_RUN("dry-run"), DUMP("dump");

	private final String name;

	MigrationsCommand(String name) {
		this.name = name;
	}

	/**
	 * Return the command of the given name.
	 * @param name the value of {@code migrations.command}
	 * @return the command
	 * @throws MigrationException when no command has that name
	 */
	static MigrationsCommand of(String name) {
		for (MigrationsCommand command : values()) {
			if (command.name.equals(name.trim())) {
				return command;
			}
		}
		String names = Arrays.stream(values()).map(MigrationsCommand::toString).collect(Collectors.joining(", "));
		throw new MigrationException("migrations.command is '" + name + "', which is not a command. Use one of " + names
				+ ", for example --migrations.command=status.");
	}

	/**
	 * Return whether the command runs on one DataSource only, unless told which.
	 * @return {@code true} for rollback, baseline and dump
	 */
	boolean singleDataSource() {
		return this == ROLLBACK || this == BASELINE || this == DUMP;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
