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

package dev.migrations.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VersionTests {

	@Test
	void comparesSegmentsNumerically() {
		assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
		assertThat(Version.parse("10")).isGreaterThan(Version.parse("9"));
	}

	@Test
	void trailingZerosDoNotCount() {
		assertThat(Version.parse("1")).isEqualTo(Version.parse("1.0"));
		assertThat(Version.parse("1").compareTo(Version.parse("1.0.0"))).isZero();
		assertThat(Version.parse("1")).hasSameHashCodeAs(Version.parse("1.0"));
	}

	@Test
	void leadingZerosDoNotCount() {
		assertThat(Version.parse("01.002")).isEqualTo(Version.parse("1.2"));
	}

	@Test
	void timestampsLongerThanALongCompare() {
		assertThat(Version.parse("202611211030000000001")).isGreaterThan(Version.parse("202611211030000000000"));
		assertThat(Version.parse("20261121103000")).isGreaterThan(Version.parse("9"));
	}

	@Test
	void sortsMixedVersions() {
		List<Version> versions = new ArrayList<>(
				List.of(Version.parse("2"), Version.parse("1.10"), Version.parse("1.9"), Version.parse("1")));
		Collections.shuffle(versions);
		Collections.sort(versions);
		assertThat(versions).extracting(Version::toString).containsExactly("1", "1.9", "1.10", "2");
	}

	@Test
	void keepsTheTextAsWritten() {
		assertThat(Version.parse("1.0")).hasToString("1.0");
	}

	@Test
	void rejectsWhatIsNotDigitsAndDots() {
		for (String bad : List.of("", "1.", ".1", "1..2", "1a", "v1", "1-2")) {
			assertThat(Version.isValid(bad)).as(bad).isFalse();
		}
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> Version.parse("1a"))
			.withMessageContaining("'1a'")
			.withMessageContaining("digits separated by dots");
	}

}
