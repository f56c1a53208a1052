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

package dev.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.sql.SqlLexer;

/**
 * The tokens of an SQL fragment, each with the text before it (whitespace, comments), so
 * that joining them gives back the fragment exactly. A parenthesized group is one token.
 * Read through the one {@link SqlLexer}, so strings, quoted identifiers, dollar quotes
 * and comments are what the statement splitter sees too.
 */
final class SqlTokens {

	private SqlTokens() {
	}

	/**
	 * Split SQL text into tokens.
	 * @param sql the text
	 * @return the tokens; text after the last token is lost
	 */
	static List<Token> of(String sql) {
		List<Token> tokens = new ArrayList<>();
		SqlLexer lexer = new SqlLexer(sql, true);
		int leading = 0;
		while (lexer.next()) {
			SqlLexer.Kind kind = lexer.kind();
			if (kind == SqlLexer.Kind.WHITESPACE || kind == SqlLexer.Kind.COMMENT) {
				continue;
			}
			int start = lexer.start();
			Kind token = kind(lexer);
			int end = (token == Kind.GROUP) ? groupEnd(lexer) : lexer.end();
			tokens.add(new Token(sql.substring(leading, start), sql.substring(start, end), token));
			leading = end;
		}
		return tokens;
	}

	/**
	 * Return where the parenthesized group opened at the lexer's lexeme ends, leaving the
	 * lexer on its closing parenthesis (or at the end of the text).
	 */
	private static int groupEnd(SqlLexer lexer) {
		int depth = 1;
		int end = lexer.end();
		while (depth > 0 && lexer.next()) {
			end = lexer.end();
			if (lexer.kind() == SqlLexer.Kind.SYMBOL) {
				depth += (lexer.first() == '(') ? 1 : (lexer.first() == ')') ? -1 : 0;
			}
		}
		return end;
	}

	private static Kind kind(SqlLexer lexer) {
		return switch (lexer.kind()) {
			case STRING -> Kind.STRING;
			case QUOTED_IDENTIFIER -> Kind.QUOTED;
			case WORD, NUMBER -> Kind.WORD;
			case SYMBOL -> (lexer.first() == '(') ? Kind.GROUP : Kind.SYMBOL;
			default -> throw new IllegalStateException("No token for " + lexer.kind());
		};
	}

	/**
	 * Join tokens back into text.
	 * @param tokens the tokens
	 * @return the text
	 */
	static String join(List<Token> tokens) {
		StringBuilder sql = new StringBuilder();
		tokens.forEach((token) -> sql.append(token.leading()).append(token.text()));
		return sql.toString();
	}

	/**
	 * What a token is.
	 */
	enum Kind {

		WORD, STRING, QUOTED, GROUP, SYMBOL

	}

	/**
	 * One token and the text before it.
	 *
	 * @param leading whitespace and comments before the token
	 * @param text the token's text
	 * @param kind the kind of token
	 */
	record Token(String leading, String text, Kind kind) {

		static Token raw(String text) {
			return new Token(" ", text, Kind.WORD);
		}

		boolean is(String keyword) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(keyword);
		}

		String upper() {
			return (this.kind == Kind.WORD) ? this.text.toUpperCase(Locale.ROOT) : "";
		}

		/**
		 * Return the identifier this token names, without quotes.
		 */
		String identifier() {
			if (this.kind != Kind.QUOTED) {
				return this.text;
			}
			String inner = this.text.substring(1, this.text.length() - 1);
			char quote = this.text.charAt(0);
			return (quote == '[') ? inner : inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
		}

		/**
		 * Return the text inside a group's parentheses.
		 */
		String inner() {
			return this.text.substring(1, this.text.length() - 1);
		}

	}

}
