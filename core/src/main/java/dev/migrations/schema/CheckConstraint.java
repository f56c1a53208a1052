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

package dev.migrations.schema;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A check constraint as a schema snapshot records it.
 *
 * @param name the constraint name, or {@code null} when SQLite has none
 * @param expression the condition, whitespace collapsed (PostgreSQL:
 * {@code pg_get_constraintdef}, SQLite: as declared)
 */
public record CheckConstraint(@Nullable String name, String expression) {

	public CheckConstraint {
		Assert.notNull(expression, "'expression' must not be null");
		expression = expression.trim().replaceAll("\\s+", " ");
	}

}
