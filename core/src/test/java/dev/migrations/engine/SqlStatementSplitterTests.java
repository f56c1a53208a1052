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

import dev.migrations.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqlStatementSplitter} on scripts that trip up naive splitters.
 */
class SqlStatementSplitterTests {

	@Test
	void splitsAtSemicolonsAndKeepsStartLines() {
		assertThat(split("CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\nSELECT 1")).containsExactly(
				new SqlStatement("CREATE TABLE a (id int)", 1), new SqlStatement("INSERT INTO a VALUES (1)", 3),
				new SqlStatement("SELECT 1", 4));
	}

	@Test
	void dropsEmptyStatementsAndCommentsBetweenStatements() {
		assertThat(split("-- header; with semicolon\n;;\n/* block; */\nSELECT 1;\n-- trailing; comment\n"))
			.containsExactly(new SqlStatement("SELECT 1", 4));
	}

	@Test
	void ignoresSemicolonsInSingleQuotedStringsWithDoubledQuotes() {
		assertThat(sqls("INSERT INTO t VALUES ('it''s; fine', ';');SELECT 2"))
			.containsExactly("INSERT INTO t VALUES ('it''s; fine', ';')", "SELECT 2");
	}

	@Test
	void ignoresSemicolonsInEscapeStrings() {
		assertThat(sqls("SELECT E'a\\'; b', e'\\\\';SELECT 'c\\';SELECT 3"))
			.containsExactly("SELECT E'a\\'; b', e'\\\\'", "SELECT 'c\\'", "SELECT 3");
	}

	@Test
	void treatsBackslashAsPlainInStandardStrings() {
		assertThat(sqls("SELECT 'C:\\';SELECT 2")).containsExactly("SELECT 'C:\\'", "SELECT 2");
	}

	@Test
	void ignoresSemicolonsInQuotedIdentifiers() {
		assertThat(sqls("CREATE TABLE \"a;\"\"b\" (`c;` int);SELECT 2"))
			.containsExactly("CREATE TABLE \"a;\"\"b\" (`c;` int)", "SELECT 2");
	}

	@Test
	void ignoresSemicolonsInDollarQuotedBodies() {
		String function = """
				CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  NEW.note := 'x;y';
				  RETURN NEW;
				END;
				$$""";
		assertThat(sqls(function + ";\nSELECT 2;")).containsExactly(function, "SELECT 2");
	}

	@Test
	void matchesDollarQuoteTagsExactly() {
		String body = "DO $outer$ BEGIN EXECUTE $inner$ SELECT ';' $inner$; PERFORM $$;$$; END $outer$";
		assertThat(sqls(body + ";SELECT 2")).containsExactly(body, "SELECT 2");
	}

	@Test
	void doesNotMistakeParametersOrIdentifiersForDollarQuotes() {
		assertThat(sqls("PREPARE p AS SELECT $1;SELECT a$b$ FROM t;SELECT 3")).containsExactly("PREPARE p AS SELECT $1",
				"SELECT a$b$ FROM t", "SELECT 3");
	}

	@Test
	void ignoresSemicolonsInNestedBlockComments() {
		assertThat(sqls("SELECT /* a /* b; */ still comment; */ 1;SELECT 2"))
			.containsExactly("SELECT /* a /* b; */ still comment; */ 1", "SELECT 2");
	}

	@Test
	void ignoresSemicolonsInLineCommentsInsideStatements() {
		assertThat(sqls("SELECT 1 -- not the end;\n + 1;SELECT 2")).containsExactly("SELECT 1 -- not the end;\n + 1",
				"SELECT 2");
	}

	@Test
	void leavesTrailingCommentsOutOfStatements() {
		assertThat(sqls("SELECT 1 -- the end\n;SELECT 2 /* last */\n-- really\n")).containsExactly("SELECT 1",
				"SELECT 2");
	}

	@Test
	void treatsCommentMarkersInsideStringsAsText() {
		assertThat(sqls("SELECT '--', '/*';SELECT $$*/$$;SELECT 3")).containsExactly("SELECT '--', '/*'",
				"SELECT $$*/$$", "SELECT 3");
	}

	@Test
	void keepsSqliteTriggerBodyTogether() {
		String trigger = """
				CREATE TEMP TRIGGER IF NOT EXISTS audit AFTER UPDATE ON users
				WHEN CASE WHEN old.name IS NULL THEN 1 ELSE 0 END = 0
				BEGIN
				  INSERT INTO log VALUES (old.id, 'update;');
				  UPDATE users SET seen = CASE WHEN new.seen THEN 1 ELSE 0 END WHERE id = new.id;
				END""";
		assertThat(sqls("CREATE TABLE log (id int);\n" + trigger + ";\nSELECT 2;"))
			.containsExactly("CREATE TABLE log (id int)", trigger, "SELECT 2");
	}

	@Test
	void keepsPostgresAtomicFunctionBodyTogether() {
		String function = """
				CREATE OR REPLACE FUNCTION add_one(x int) RETURNS int LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN x IS NULL THEN 0 ELSE x + 1 END;
				END""";
		assertThat(sqls(function + ";\nSELECT 2")).containsExactly(function, "SELECT 2");
	}

	@Test
	void treatsBeginAsIdentifierOutsideBodies() {
		assertThat(sqls("CREATE TABLE slots (begin int, \"end\" int);\nBEGIN;\nSELECT 1;\nCOMMIT"))
			.containsExactly("CREATE TABLE slots (begin int, \"end\" int)", "BEGIN", "SELECT 1", "COMMIT");
	}

	@Test
	void keepsRuleActionsInParenthesesTogether() {
		String rule = "CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2))";
		assertThat(sqls(rule + ";SELECT 2")).containsExactly(rule, "SELECT 2");
	}

	@Test
	void reportsLinesOfStatementsAfterMultiLineStringsAndComments() {
		List<SqlStatement> statements = split("SELECT 'a\nb\nc';\n/* x\ny */ SELECT $$\n$$;\n\n  SELECT 3;");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 5, 8);
	}

	@Test
	void reportsUnclosedStringWithItsLine() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> split("SELECT 1;\nSELECT 'oops;\n"))
			.withMessageContaining("V1__test.sql")
			.withMessageContaining("string starting at line 2 that is never closed");
	}

	@Test
	void reportsUnclosedDollarQuoteWithItsTag() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> split("\n\nDO $body$ BEGIN END $$;"))
			.withMessageContaining("dollar-quoted body $body$ starting at line 3");
	}

	@Test
	void reportsUnclosedComment() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> split("SELECT 1; /* /* */"))
			.withMessageContaining("comment starting at line 1 that is never closed");
	}

	private static List<SqlStatement> split(String script) {
		return SqlStatementSplitter.split(script, "V1__test.sql");
	}

	private static List<String> sqls(String script) {
		return split(script).stream().map(SqlStatement::sql).toList();
	}

}
