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

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.SafetyReport.Finding;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTextCheckTests {

	@Test
	void indexWithoutConcurrentlyOnATableOfAnotherFileIsAnError() {
		assertThat(rules("CREATE INDEX orders_user_id ON public.orders (user_id);")).containsExactly(
				"index-not-concurrent line 1 builds an index on public.orders without CONCURRENTLY: writes to it wait "
						+ "until it is built");
	}

	@Test
	void tableCreatedInTheSameFileIsNoConcern() {
		assertThat(rules("CREATE TABLE audit (id int);\nCREATE INDEX audit_id ON audit (id);\n"
				+ "ALTER TABLE audit ADD CONSTRAINT audit_fk FOREIGN KEY (id) REFERENCES audit (id);\n"
				+ "ALTER TABLE audit ALTER COLUMN id SET NOT NULL;"))
			.isEmpty();
	}

	@Test
	void constraintWithoutNotValidIsAnErrorAndWithItIsNot() {
		assertThat(rules("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);"))
			.singleElement()
			.asString()
			.startsWith("validated-constraint line 1 adds a constraint to orders without NOT VALID");
		assertThat(rules("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"))
			.isEmpty();
	}

	@Test
	void typeChangeSetNotNullDropAndRenameAreErrors() {
		assertThat(rules("ALTER TABLE users ALTER COLUMN code TYPE bigint;\n"
				+ "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP COLUMN name;\n"
				+ "ALTER TABLE users RENAME COLUMN a TO b;\nDROP TABLE old_users;"))
			.extracting((rule) -> rule.substring(0, rule.indexOf(" line")))
			.containsExactly("rewrite", "set-not-null", "drop-or-rename", "drop-or-rename", "drop-or-rename");
	}

	@Test
	void wordsInsideStringsBodiesCommentsAndQuotedIdentifiersDoNotCount() {
		assertThat(rules("-- ALTER TABLE users DROP COLUMN name;\n/* CREATE INDEX i ON t (x); /* nested */ */\n"
				+ "INSERT INTO notes VALUES ('ALTER TABLE users DROP COLUMN name', E'it\\'s CREATE INDEX i ON t (x)');\n"
				+ "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $body$ ALTER TABLE t DROP COLUMN c $body$;\n"
				+ "SELECT \"DROP\" FROM \"CREATE INDEX\";"))
			.isEmpty();
	}

	@Test
	void droppingAConstraintOrDefaultIsNoDrop() {
		assertThat(rules("ALTER TABLE users DROP CONSTRAINT users_fk, ALTER COLUMN a DROP DEFAULT, "
				+ "ALTER COLUMN b DROP NOT NULL;"))
			.isEmpty();
	}

	@Test
	void concurrentIndexInATransactionalFileIsAnError() {
		assertThat(rules("CREATE INDEX CONCURRENTLY i ON users (email);")).singleElement()
			.asString()
			.contains("CONCURRENTLY in a transaction");
	}

	@Test
	void sqlFileAcceptsARuleWithItsDirective() {
		SqlScript script = SqlScript.parse("V2__widen.sql",
				"-- migrations: allow=rewrite\nALTER TABLE users ALTER COLUMN code TYPE bigint;",
				new PlaceholderReplacer(java.util.Map.of()));
		List<Finding> findings = SqlTextCheck.check(new SqlFileMigration(
				SqlFileName.parse("V2__widen.sql", "classpath:db/migrations/V2__widen.sql"), script, null));
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo("rewrite");
			assertThat(finding.version()).isEqualTo("2");
			assertThat(finding.accepted()).isTrue();
		});
	}

	private static List<String> rules(String sql) {
		return SqlTextCheck.check("V1__test.sql", sql)
			.stream()
			.map((finding) -> finding.rule() + " " + finding.message())
			.toList();
	}

}
