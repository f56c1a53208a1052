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

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqlFileName}.
 */
class SqlFileNameTests {

	@Test
	void parsesUpScript() {
		assertThat(SqlFileName.parse("V4__add_index.sql", "db/V4__add_index.sql"))
			.isEqualTo(new SqlFileName("4", "add index", false, "V4__add_index"));
	}

	@Test
	void parsesDownScript() {
		assertThat(SqlFileName.parse("V4__add_index.down.sql", "db/V4__add_index.down.sql"))
			.isEqualTo(new SqlFileName("4", "add index", true, "V4__add_index"));
	}

	@Test
	void parsesRepeatableScriptAndItsDownScript() {
		assertThat(SqlFileName.parse("R__user_view.sql", "db/R__user_view.sql"))
			.isEqualTo(new SqlFileName(null, "user view", false, "R__user_view"));
		assertThat(SqlFileName.parse("R__user_view.down.sql", "db/R__user_view.down.sql"))
			.isEqualTo(new SqlFileName(null, "user view", true, "R__user_view"));
		assertThat(SqlFileName.parse("R__user_view.sql", "db/R__user_view.sql").repeatable()).isTrue();
	}

	@Test
	void rejectsRepeatableWithoutDescription() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> SqlFileName.parse("R__.sql", "db/R__.sql"))
			.withMessageContaining("db/R__.sql has no description after R__")
			.withMessageContaining("or R__<description>.sql for a repeatable migration");
	}

	@Test
	void rejectsRepeatableWithAnotherExtension() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("R__user_view.txt", "db/R__user_view.txt"))
			.withMessageContaining("db/R__user_view.txt does not end in .sql. Rename it to R__user_view.sql");
	}

	@Test
	void acceptsDotsAndUnderscoresInVersions() {
		assertThat(SqlFileName.parse("V2026_11_21_1030__x.sql", "s").version()).isEqualTo("2026.11.21.1030");
		assertThat(SqlFileName.parse("V1.2__x.sql", "s").version()).isEqualTo("1.2");
	}

	@Test
	void ignoresFilesThatAreNotMigrations() {
		assertThat(SqlFileName.parse("README.md", "db/README.md")).isNull();
		assertThat(SqlFileName.parse(".gitkeep", "db/.gitkeep")).isNull();
	}

	@Test
	void rejectsMissingDoubleUnderscore() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("V4_add_index.sql", "classpath:db/migrations/V4_add_index.sql"))
			.withMessageContaining("classpath:db/migrations/V4_add_index.sql has no __ between version and description")
			.withMessageContaining("Rename it to V<version>__<description>.sql");
	}

	@Test
	void rejectsBadVersion() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("V4a__add_index.sql", "db/V4a__add_index.sql"))
			.withMessageContaining("db/V4a__add_index.sql has version '4a', which is not digits separated by . or _")
			.withMessageContaining("Rename it");
	}

	@Test
	void rejectsMissingPrefix() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("add_index.sql", "db/add_index.sql"))
			.withMessageContaining("db/add_index.sql does not start with V");
	}

	@Test
	void rejectsMissingDescription() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("V4__.sql", "db/V4__.sql"))
			.withMessageContaining("db/V4__.sql has no description after __");
	}

	@Test
	void rejectsWrongExtensionOfMigrationLookingFile() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("V4__add_index.txt", "db/V4__add_index.txt"))
			.withMessageContaining("db/V4__add_index.txt does not end in .sql")
			.withMessageContaining("Rename it to V4__add_index.sql");
	}

	@Test
	void rejectsUpperCaseExtension() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("V4__add_index.SQL", "db/V4__add_index.SQL"))
			.withMessageContaining("ends in .SQL instead of .sql")
			.withMessageContaining("Rename it to V4__add_index.sql");
	}

}
