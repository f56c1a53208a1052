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

/**
 * Reads SQL text lexeme by lexeme, the way PostgreSQL's and SQLite's own scanners draw
 * the lines that matter: single-quoted strings ({@code ''} doubled), {@code E'…'} strings
 * ({@code \'} escaped too), dollar-quoted bodies ({@code $$…$$}, {@code $tag$…$tag$}),
 * double-quoted and back-quoted identifiers ({@code ""} doubled), optionally SQLite's
 * {@code […]} identifiers, {@code --} comments and nested {@code /* *}{@code /} comments.
 * Everything else is a word (letters, digits after the first, {@code _}, {@code $}), a
 * number, whitespace or a one-character symbol. Every character belongs to exactly one
 * lexeme, so the lexemes joined give back the text.
 * <p>
 * A string, identifier, body or comment that is never closed is one lexeme to the end of
 * the text, marked {@link #unterminated()}; callers decide whether that is an error.
 * <pre class="code">
 * SqlLexer lexer = new SqlLexer(sql, false);
 * while (lexer.next()) {
 *     if (lexer.kind() == SqlLexer.Kind.WORD) { … lexer.text() … }
 * }
 * </pre>
 */
public final class SqlLexer {

	private final String sql;

	private final boolean bracketIdentifiers;

	private int start;

	private int end;

	private Kind kind = Kind.SYMBOL;

	private boolean unterminated;

	/**
	 * Create a lexer at the start of the text.
	 * @param sql the text
	 * @param bracketIdentifiers whether {@code [name]} is a quoted identifier (SQLite),
	 * not a subscript
	 */
	public SqlLexer(String sql, boolean bracketIdentifiers) {
		this.sql = sql;
		this.bracketIdentifiers = bracketIdentifiers;
	}

	/**
	 * Move to the next lexeme.
	 * @return whether there is one
	 */
	public boolean next() {
		String s = this.sql;
		int i = this.end;
		if (i >= s.length()) {
			return false;
		}
		this.start = i;
		this.unterminated = false;
		char c = s.charAt(i);
		if (Character.isWhitespace(c)) {
			int j = i + 1;
			while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
				j++;
			}
			return lexeme(Kind.WHITESPACE, j);
		}
		if (c == '-' && at(i + 1) == '-') {
			int newline = s.indexOf('\n', i);
			return lexeme(Kind.COMMENT, (newline >= 0) ? newline + 1 : s.length());
		}
		if (c == '/' && at(i + 1) == '*') {
			return lexeme(Kind.COMMENT, commentEnd(i));
		}
		if (c == '\'') {
			return lexeme(Kind.STRING, quotedEnd(i, '\'', false));
		}
		if ((c == 'E' || c == 'e') && at(i + 1) == '\'' && !isWordPart(at(i - 1))) {
			return lexeme(Kind.STRING, quotedEnd(i + 1, '\'', true));
		}
		if (c == '"' || c == '`') {
			return lexeme(Kind.QUOTED_IDENTIFIER, quotedEnd(i, c, false));
		}
		if (c == '[' && this.bracketIdentifiers) {
			int close = s.indexOf(']', i + 1);
			return lexeme(Kind.QUOTED_IDENTIFIER, (close >= 0) ? close + 1 : unterminatedEnd());
		}
		if (c == '$') {
			int tagEnd = dollarTagEnd(i);
			if (tagEnd > 0) {
				int close = s.indexOf(s.substring(i, tagEnd), tagEnd);
				return lexeme(Kind.STRING, (close >= 0) ? close + (tagEnd - i) : unterminatedEnd());
			}
		}
		if (isWordStart(c)) {
			return lexeme(Kind.WORD, wordEnd(i));
		}
		if (Character.isDigit(c)) {
			return lexeme(Kind.NUMBER, wordEnd(i));
		}
		return lexeme(Kind.SYMBOL, i + 1);
	}

	/**
	 * Return the kind of the current lexeme.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return where the current lexeme starts.
	 * @return the offset in the text
	 */
	public int start() {
		return this.start;
	}

	/**
	 * Return where the current lexeme ends.
	 * @return the offset after its last character
	 */
	public int end() {
		return this.end;
	}

	/**
	 * Return the current lexeme's text.
	 * @return the text
	 */
	public String text() {
		return this.sql.substring(this.start, this.end);
	}

	/**
	 * Return the current lexeme's first character.
	 * @return the character
	 */
	public char first() {
		return this.sql.charAt(this.start);
	}

	/**
	 * Return whether the current lexeme is a string, identifier, body or comment that is
	 * never closed: it runs to the end of the text.
	 * @return whether it is unterminated
	 */
	public boolean unterminated() {
		return this.unterminated;
	}

	/**
	 * Describe what the current lexeme is, for a message about an unterminated one.
	 * @return for example {@code string} or {@code dollar-quoted body $fn$}
	 */
	public String describe() {
		char c = first();
		return switch (this.kind) {
			case COMMENT -> "comment";
			case QUOTED_IDENTIFIER -> "quoted identifier";
			case STRING -> (c == '$') ? "dollar-quoted body " + this.sql.substring(this.start, dollarTagEnd(this.start))
					: "string";
			default -> this.kind.name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	/**
	 * Return whether the current lexeme is the given keyword, in any case.
	 * @param keyword the keyword
	 * @return whether it is
	 */
	public boolean is(String keyword) {
		return this.kind == Kind.WORD && this.end - this.start == keyword.length()
				&& this.sql.regionMatches(true, this.start, keyword, 0, keyword.length());
	}

	private boolean lexeme(Kind kind, int end) {
		this.kind = kind;
		this.end = end;
		return true;
	}

	private int unterminatedEnd() {
		this.unterminated = true;
		return this.sql.length();
	}

	private char at(int i) {
		return (i >= 0 && i < this.sql.length()) ? this.sql.charAt(i) : '\0';
	}

	/** PostgreSQL nests block comments; the end is where the nesting returns to zero. */
	private int commentEnd(int begin) {
		int depth = 0;
		int i = begin;
		while (i < this.sql.length() - 1) {
			char c = this.sql.charAt(i);
			if (c == '/' && this.sql.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else if (c == '*' && this.sql.charAt(i + 1) == '/') {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return unterminatedEnd();
	}

	private int quotedEnd(int begin, char quote, boolean backslashEscapes) {
		int i = begin + 1;
		while (i < this.sql.length()) {
			char c = this.sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (at(i + 1) != quote) {
					return i + 1;
				}
				i += 2;
			}
			else {
				i++;
			}
		}
		return unterminatedEnd();
	}

	/**
	 * Return the index after the opening tag of a dollar quote ({@code $$} or
	 * {@code $tag$}) at the given index, or -1 when there is none: {@code $1} is a
	 * parameter, and a {@code $} inside a word never gets here.
	 */
	private int dollarTagEnd(int begin) {
		int i = begin + 1;
		while (i < this.sql.length()) {
			char c = this.sql.charAt(i);
			if (c == '$') {
				return i + 1;
			}
			boolean valid = (i == begin + 1) ? isWordStart(c) : isWordPart(c);
			if (!valid) {
				return -1;
			}
			i++;
		}
		return -1;
	}

	private int wordEnd(int begin) {
		int i = begin + 1;
		while (i < this.sql.length() && isWordPart(this.sql.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean isWordStart(char c) {
		return c == '_' || Character.isLetter(c);
	}

	private static boolean isWordPart(char c) {
		return c == '_' || c == '$' || Character.isLetterOrDigit(c);
	}

	/**
	 * What a lexeme is.
	 */
	public enum Kind {

		/** Spaces, tabs, line breaks. */
		WHITESPACE,

		/** A {@code --} comment (with its line break) or a block comment. */
		COMMENT,

		/** A keyword or plain identifier. */
		WORD,

		/** Digits, and letters directly after them. */
		NUMBER,

		/** A single-quoted, {@code E'…'} or dollar-quoted string. */
		STRING,

		/** A double-quoted, back-quoted or bracketed identifier. */
		QUOTED_IDENTIFIER,

		/** Any other single character: {@code ; ( ) , . = …}. */
		SYMBOL

	}

}
