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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migrations.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationSourceTests {

	@Test
	void statementItCannotReadIsRunAndNamedAsNotReversed() {
		MigrationSource source = source(DatabaseKind.POSTGRES, "create table tags (id bigint not null)",
				"comment on table accounts is 'People'");
		assertThat(source.java()).contains("\t\tctx.jdbc().execute(\"comment on table accounts is 'People'\");\n")
			.contains("\t\t// Not reversed: comment on table accounts is 'People'\n"
					+ "\t\tctx.jdbc().execute(\"DROP TABLE tags\");\n");
	}

	@Test
	void migrationThatCannotBeReversedHasNoDown() {
		MigrationSource source = source(DatabaseKind.POSTGRES, "comment on table accounts is 'People'");
		assertThat(source.java()).doesNotContain("public void down")
			.contains("\t// No down: nothing of up can be reversed here.\n"
					+ "\t// Not reversed: comment on table accounts is 'People'\n");
		assertThat(source.downSql()).isNull();
	}

	@Test
	void mariaDbDropsIndexesAndForeignKeysItsWay() {
		MigrationSource source = source(DatabaseKind.MARIADB, "create index accounts_name on accounts (name)",
				"alter table if exists accounts add constraint fk_owner foreign key (owner_id) references users (id)",
				"alter table if exists accounts add constraint uk_name unique (name)");
		assertThat(source.downSql()).isEqualTo("ALTER TABLE accounts DROP INDEX uk_name;\n"
				+ "ALTER TABLE accounts DROP FOREIGN KEY fk_owner;\nDROP INDEX accounts_name ON accounts;\n");
		assertThat(source.java())
			.contains("\t\tctx.alterTable(\"accounts\")\n\t\t\t.dropUniqueConstraint(\"uk_name\")\n"
					+ "\t\t\t.dropForeignKey(\"fk_owner\")\n\t\t\t.apply();\n"
					+ "\t\tctx.jdbc().execute(\"DROP INDEX accounts_name ON accounts\");\n");
	}

	@Test
	void columnWithADefaultNeedsNoRebuildOnSqlite() {
		MigrationSource source = source(DatabaseKind.SQLITE,
				"alter table accounts add column score integer default 0 not null");
		assertThat(source.java())
			.contains("\t\tctx.jdbc().execute(\"alter table accounts add column score integer default 0 not null\");\n")
			.doesNotContain("A NOT NULL column without a default");
	}

	@Test
	void quotesAndBackslashesAreEscapedInJava() {
		MigrationSource source = source(DatabaseKind.POSTGRES,
				"create table \"Order\" (note varchar(10) default '\\')");
		assertThat(source.java())
			.contains("ctx.jdbc().execute(\"create table \\\"Order\\\" (note varchar(10) " + "default '\\\\')\");\n")
			.contains("ctx.jdbc().execute(\"DROP TABLE \\\"Order\\\"\");");
	}

	private static MigrationSource source(DatabaseKind kind, String... statements) {
		List<SchemaStatement> parsed = Stream.of(statements).map(SchemaStatement::parse).toList();
		return new MigrationSource("com.example", "V1__Test", kind, "com.example.Application", parsed);
	}

}
