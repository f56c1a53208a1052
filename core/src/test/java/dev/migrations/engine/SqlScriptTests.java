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

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqlScript} and {@link PlaceholderReplacer}.
 */
class SqlScriptTests {

	private static final PlaceholderReplacer NO_PLACEHOLDERS = new PlaceholderReplacer(Map.of());

	@Test
	void isTransactionalByDefault() {
		assertThat(parse("CREATE TABLE a (id int);").transactional()).isTrue();
	}

	@Test
	void firstLineDirectiveRunsOutsideTransaction() {
		SqlScript script = parse("-- migrations: transactional=false\nCREATE INDEX CONCURRENTLY i ON a (id);");
		assertThat(script.transactional()).isFalse();
		assertThat(script.statements()).containsExactly(new SqlStatement("CREATE INDEX CONCURRENTLY i ON a (id)", 2));
	}

	@Test
	void directiveOnLaterLineIsOnlyAComment() {
		assertThat(parse("SELECT 1;\n-- migrations: transactional=false\n").transactional()).isTrue();
	}

	@Test
	void allowDirectiveAcceptsSafetyRules() {
		SqlScript script = parse("-- migrations: transactional=false, allow=rewrite, drop-or-rename\nSELECT 1;");
		assertThat(script.transactional()).isFalse();
		assertThat(script.allowed()).containsExactlyInAnyOrder("rewrite", "drop-or-rename");
		assertThat(parse("SELECT 1;").allowed()).isEmpty();
	}

	@Test
	void rejectsUnknownSafetyRule() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> parse("-- migrations: allow=rewrites\nSELECT 1;"))
			.withMessageContaining("V1__a.sql has the directive '-- migrations: allow=rewrites' on line 1 but "
					+ "'rewrites' is not a safety rule. Use one of [all, drop-or-rename, exclusive-lock, "
					+ "index-not-concurrent, rewrite, set-not-null, validated-constraint]");
	}

	@Test
	void rejectsUnknownDirectiveOption() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> parse("-- migrations: transactional=no\nSELECT 1;"))
			.withMessageContaining("V1__a.sql has the directive '-- migrations: transactional=no' on line 1")
			.withMessageContaining("Write '-- migrations: transactional=false'");
	}

	@Test
	void checksumIgnoresLineEndingsAndByteOrderMark() {
		String unix = parse("CREATE TABLE a (id int);\nSELECT 1;\n").checksum();
		assertThat(parse("\uFEFFCREATE TABLE a (id int);\r\nSELECT 1;\r\n").checksum()).isEqualTo(unix);
		assertThat(parse("CREATE TABLE a (id int);\rSELECT 1;\r").checksum()).isEqualTo(unix);
		assertThat(unix).matches("[0-9a-f]{8}");
	}

	@Test
	void checksumChangesWithContent() {
		assertThat(parse("CREATE TABLE a (id int);").checksum())
			.isNotEqualTo(parse("CREATE TABLE a (id bigint);").checksum());
	}

	@Test
	void leavesPlaceholdersAloneWhenNoneConfigured() {
		assertThat(parse("SELECT '${name}';").statements()).containsExactly(new SqlStatement("SELECT '${name}'", 1));
	}

	@Test
	void replacesConfiguredPlaceholders() {
		SqlScript script = SqlScript.parse("V1__a.sql", "\nGRANT SELECT ON ${schema}.t TO ${role};",
				new PlaceholderReplacer(Map.of("schema", "app", "role", "reader")));
		assertThat(script.statements()).containsExactly(new SqlStatement("GRANT SELECT ON app.t TO reader", 2));
	}

	@Test
	void checksumIsTakenBeforePlaceholdersAreReplaced() {
		String text = "CREATE TABLE ${schema}.t (id int);";
		assertThat(SqlScript.parse("V1__a.sql", text, new PlaceholderReplacer(Map.of("schema", "one"))).checksum())
			.isEqualTo(SqlScript.parse("V1__a.sql", text, new PlaceholderReplacer(Map.of("schema", "two"))).checksum());
	}

	@Test
	void rejectsUnknownPlaceholderWithItsLine() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SqlScript.parse("V1__a.sql", "SELECT 1;\nSELECT\n  '${shcema}';",
					new PlaceholderReplacer(Map.of("schema", "app"))))
			.withMessageContaining("V1__a.sql uses placeholder ${shcema} at line 3")
			.withMessageContaining("configured: schema")
			.withMessageContaining("Set migrations.placeholders.shcema, or correct the name");
	}

	private static SqlScript parse(String text) {
		return SqlScript.parse("V1__a.sql", text, NO_PLACEHOLDERS);
	}

}
