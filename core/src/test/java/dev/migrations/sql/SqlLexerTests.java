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
package dev.migrations.sql;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.sql.SqlLexer.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class SqlLexerTests {

	@Test
	void dollarQuotedBodyIsOneStringWhateverItHoldsInside() {
		assertThat(significant("SELECT $fn$ it's; $$ not the end $$ \"x\" $fn$, $1")).containsExactly("WORD SELECT",
				"STRING $fn$ it's; $$ not the end $$ \"x\" $fn$", "SYMBOL ,", "SYMBOL $", "NUMBER 1");
	}

	@Test
	void emptyDollarTagQuotesToTheNextEmptyTag() {
		assertThat(significant("$$a;b$$;")).containsExactly("STRING $$a;b$$", "SYMBOL ;");
	}

	@Test
	void escapeStringTreatsBackslashQuoteAsPartOfTheString() {
		assertThat(significant("E'it\\'s; ok' e'\\\\' 'plain''s'")).containsExactly("STRING E'it\\'s; ok'",
				"STRING e'\\\\'", "STRING 'plain''s'");
	}

	@Test
	void plainStringEndsAtABackslashQuote() {
		assertThat(significant("'a\\' b")).containsExactly("STRING 'a\\'", "WORD b");
	}

	@Test
	void wordEndingInEBeforeAQuoteIsAWord() {
		assertThat(significant("type'x'")).containsExactly("WORD type", "STRING 'x'");
	}

	@Test
	void blockCommentsNest() {
		assertThat(lexemes("/* a /* b */ still; */x")).containsExactly("COMMENT /* a /* b */ still; */", "WORD x");
	}

	@Test
	void lineCommentRunsToTheLineBreak() {
		assertThat(lexemes("-- it's;\nx")).containsExactly("COMMENT -- it's;\n", "WORD x");
	}

	@Test
	void quotedIdentifiersDoubleTheirQuote() {
		assertThat(significant("\"a \"\" b\" `c``d` [e f]")).containsExactly("QUOTED_IDENTIFIER \"a \"\" b\"",
				"QUOTED_IDENTIFIER `c``d`", "SYMBOL [", "WORD e", "WORD f", "SYMBOL ]");
	}

	@Test
	void bracketsQuoteIdentifiersWhenAsked() {
		SqlLexer lexer = new SqlLexer("[e f]", true);
		assertThat(lexer.next()).isTrue();
		assertThat(lexer.kind()).isEqualTo(Kind.QUOTED_IDENTIFIER);
		assertThat(lexer.text()).isEqualTo("[e f]");
	}

	@Test
	void unclosedLexemeRunsToTheEndAndSaysWhatItIs() {
		SqlLexer lexer = new SqlLexer("x $body$ never closed", false);
		lexer.next();
		lexer.next();
		lexer.next();
		assertThat(lexer.unterminated()).isTrue();
		assertThat(lexer.describe()).isEqualTo("dollar-quoted body $body$");
		assertThat(lexer.end()).isEqualTo(21);
		assertThat(lexer.next()).isFalse();
	}

	@Test
	void lexemesJoinedGiveBackTheText() {
		String sql = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$; /* c /* n */ */ -- x\n"
				+ "INSERT INTO \"T\" VALUES (E'\\n', 'a''b', 1.5e3, $1);";
		StringBuilder joined = new StringBuilder();
		SqlLexer lexer = new SqlLexer(sql, false);
		while (lexer.next()) {
			joined.append(lexer.text());
		}
		assertThat(joined).hasToString(sql);
	}

	private static List<String> significant(String sql) {
		return lexemes(sql).stream()
			.filter((lexeme) -> !lexeme.startsWith("WHITESPACE") && !lexeme.startsWith("COMMENT"))
			.toList();
	}

	private static List<String> lexemes(String sql) {
		List<String> lexemes = new ArrayList<>();
		SqlLexer lexer = new SqlLexer(sql, false);
		while (lexer.next()) {
			lexemes.add(lexer.kind() + " " + lexer.text());
		}
		return lexemes;
	}

}
