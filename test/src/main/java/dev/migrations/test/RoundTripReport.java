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

package dev.migrations.test;

import java.util.List;

import dev.migrations.RepeatableMigration;

import org.springframework.util.Assert;

/**
 * What {@link MigrationTester#checkRoundTrips()} did.
 *
 * @param checked the versions that went up, down and up again, in order
 * @param irreversible the versions that only went up because they declare no
 * {@code down}, in order
 * @param repeatables the descriptions of the {@link RepeatableMigration repeatable
 * migrations} applied after the versioned ones, in order (since 0.3.0)
 * @since 0.1.0
 */
public record RoundTripReport(List<String> checked, List<String> irreversible, List<String> repeatables) {

	public RoundTripReport {
		Assert.notNull(checked, "'checked' must not be null");
		Assert.notNull(irreversible, "'irreversible' must not be null");
		Assert.notNull(repeatables, "'repeatables' must not be null");
		checked = List.copyOf(checked);
		irreversible = List.copyOf(irreversible);
		repeatables = List.copyOf(repeatables);
	}

	/**
	 * Create a report without repeatable migrations.
	 * @param checked the versions that went up, down and up again, in order
	 * @param irreversible the versions that only went up, in order
	 */
	public RoundTripReport(List<String> checked, List<String> irreversible) {
		this(checked, irreversible, List.of());
	}

}
