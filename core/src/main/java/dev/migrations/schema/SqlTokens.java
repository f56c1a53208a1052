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

/**
 * The tokens of an SQL fragment, each with the text before it (whitespace, comments), so
 * that joining them gives back the fragment exactly. A parenthesized group is one token.
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
		int i = 0;
		int n = sql.length();
		while (i < n) {
			int start = i;
			i = skipSpace(sql, i);
			if (i >= n) {
				break;
			}
			String leading = sql.substring(start, i);
			char c = sql.charAt(i);
			int end;
			Kind kind;
			if (c == '\'') {
				end = quoted(sql, i, '\'');
				kind = Kind.STRING;
			}
			else if (c == '"' || c == '`') {
				end = quoted(sql, i, c);
				kind = Kind.QUOTED;
			}
			else if (c == '[') {
				end = quoted(sql, i, ']');
				kind = Kind.QUOTED;
			}
			else if (c == '(') {
				end = group(sql, i);
				kind = Kind.GROUP;
			}
			else if (isWordChar(c)) {
				end = i;
				while (end < n && isWordChar(sql.charAt(end))) {
					end++;
				}
				kind = Kind.WORD;
			}
			else {
				end = i + 1;
				kind = Kind.SYMBOL;
			}
			tokens.add(new Token(leading, sql.substring(i, end), kind));
			i = end;
		}
		return tokens;
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

	private static int skipSpace(String sql, int i) {
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				int newline = sql.indexOf('\n', i);
				i = (newline < 0) ? n : newline + 1;
			}
			else if (sql.startsWith("/*", i)) {
				int close = sql.indexOf("*/", i + 2);
				i = (close < 0) ? n : close + 2;
			}
			else {
				break;
			}
		}
		return i;
	}

	private static int quoted(String sql, int i, char close) {
		int n = sql.length();
		int j = i + 1;
		while (j < n) {
			if (sql.charAt(j) == close) {
				if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
					j += 2;
					continue;
				}
				return j + 1;
			}
			j++;
		}
		return n;
	}

	private static int group(String sql, int i) {
		int depth = 0;
		int j = i;
		int n = sql.length();
		while (j < n) {
			j = skipSpace(sql, j);
			if (j >= n) {
				break;
			}
			char c = sql.charAt(j);
			if (c == '\'' || c == '"' || c == '`') {
				j = quoted(sql, j, c);
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					return j + 1;
				}
			}
			j++;
		}
		return n;
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
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
