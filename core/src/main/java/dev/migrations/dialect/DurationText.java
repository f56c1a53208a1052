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

package dev.migrations.dialect;

import java.time.Duration;

/**
 * A duration as people write it and as {@code application.yml} reads it back: {@code 3s},
 * {@code 5m}, {@code 250ms}, never {@code PT3S}.
 */
public final class DurationText {

	private DurationText() {
	}

	/**
	 * Return the duration in the largest unit that states it exactly.
	 * @param duration the duration
	 * @return for example {@code 90s}, {@code 2h} or {@code 1500ms}
	 */
	public static String of(Duration duration) {
		long millis = duration.toMillis();
		if (millis == 0) {
			return "0s";
		}
		if (millis % 3_600_000 == 0) {
			return (millis / 3_600_000) + "h";
		}
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + "m";
		}
		if (millis % 1000 == 0) {
			return (millis / 1000) + "s";
		}
		return millis + "ms";
	}

}
