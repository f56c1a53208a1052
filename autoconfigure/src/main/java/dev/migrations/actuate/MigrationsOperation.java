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

package dev.migrations.actuate;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * The operations the endpoint runs, named as requests spell them.
 */
enum MigrationsOperation {

	MIGRATE("migrate"), ROLLBACK("rollback"), BASELINE("baseline"), REPAIR("repair"), DRY_RUN("dry-run");

	private final String name;

	MigrationsOperation(String name) {
		this.name = name;
	}

	static MigrationsOperation of(String name) {
		for (MigrationsOperation operation : values()) {
			if (operation.name.equals(name)) {
				return operation;
			}
		}
		throw new InvalidEndpointRequestException(
				"Operation '" + name + "' is not known. Use one of " + names() + " in 'operation'.",
				"Unknown operation");
	}

	static List<String> names() {
		return Arrays.stream(values()).map(MigrationsOperation::toString).toList();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
