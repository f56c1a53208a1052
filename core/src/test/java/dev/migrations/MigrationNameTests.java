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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationNameTests {

	@Test
	void versionComesFromTheClassName() {
		assertThat(new V3__AddAdminFlagToUsers().version()).isEqualTo("3");
	}

	@Test
	void underscoresInTheVersionBecomeDots() {
		assertThat(new V2026_11_21_1030__CreateUsers().version()).isEqualTo("2026.11.21.1030");
	}

	@Test
	void descriptionSplitsWords() {
		assertThat(new V3__AddAdminFlagToUsers().description()).isEqualTo("Add admin flag to users");
	}

	@Test
	void descriptionKeepsAcronymsTogether() {
		assertThat(MigrationName.words("AddSQLIndexToUsers")).isEqualTo("Add SQL index to users");
	}

	@Test
	void descriptionSplitsUnderscores() {
		assertThat(MigrationName.words("add_admin_flag")).isEqualTo("Add admin flag");
	}

	@Test
	void malformedNameNamesTheClassAndSaysWhatToDo() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> new AddUsers().version())
			.withMessageContaining(AddUsers.class.getName())
			.withMessageContaining("Rename it, or override version()");
	}

	@Test
	void migrationWithoutDownIsIrreversible() {
		assertThat(new AddUsers().reversible()).isFalse();
		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> new AddUsers().down(null))
			.withMessageContaining(AddUsers.class.getName());
	}

	@Test
	void migrationWithDownIsReversible() {
		assertThat(new V3__AddAdminFlagToUsers().reversible()).isTrue();
	}

	static class V3__AddAdminFlagToUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public void down(MigrationContext context) {
		}

	}

	static class V2026_11_21_1030__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

	}

	static class AddUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

	}

}
