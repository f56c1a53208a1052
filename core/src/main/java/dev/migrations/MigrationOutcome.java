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

import org.jspecify.annotations.Nullable;

/**
 * What happened to one migration in a run.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param operation what was done
 * @param success whether it succeeded
 * @param durationMs how long it took
 * @param error the error when it failed, or {@code null}
 * @since 0.1.0
 */
public record MigrationOutcome(@Nullable String version, String description, Operation operation, boolean success,
		long durationMs, @Nullable String error) {

}
