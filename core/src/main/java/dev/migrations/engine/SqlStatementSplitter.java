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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrations.MigrationException;

/**
 * Splits an SQL script into statements at the semicolons that end them, the way
 * PostgreSQL's and SQLite's own parsers would.
 * <p>
 * A semicolon does not end a statement inside a single-quoted string ({@code ''}
 * doubled), an {@code E'…'} string ({@code \'} escaped), a double-quoted or back-quoted
 * identifier, a dollar-quoted body ({@code $$…$$}, {@code $tag$…$tag$}), a {@code --}
 * comment or a (nested) {@code /* *}{@code /} comment, nor inside parentheses (as in
 * PostgreSQL's {@code CREATE RULE … DO (…; …)}, and as psql splits), nor inside the
 * {@code BEGIN … END} body of a {@code CREATE TRIGGER} (SQLite) or a
 * {@code BEGIN ATOMIC … END} function body (PostgreSQL). Comments and blank lines between
 * statements are dropped; each statement remembers the line it starts on.
 */
final class SqlStatementSplitter {

	private final String script;

	private final String subject;

	private final List<SqlStatement> statements = new ArrayList<>();

	private int position;

	private int lineAt;

	private int lineOffset;

	private int start = -1;

	private int end;

	private int parentheses;

	private final Block block = new Block();

	private SqlStatementSplitter(String script, String subject) {
		this.script = script;
		this.subject = subject;
	}

	/**
	 * Split a script into statements.
	 * @param script the script
	 * @param subject what the script is, for messages (a file name)
	 * @return the statements in order, without empty ones
	 * @throws MigrationException when a string, quoted identifier, dollar-quoted body or
	 * comment is not closed
	 */
	static List<SqlStatement> split(String script, String subject) {
		SqlStatementSplitter splitter = new SqlStatementSplitter(script, subject);
		splitter.run();
		return List.copyOf(splitter.statements);
	}

	private void run() {
		String s = this.script;
		int length = s.length();
		while (this.position < length) {
			int i = this.position;
			char c = s.charAt(i);
			if (c == '-' && next(i) == '-') {
				this.position = lineEnd(i);
				continue;
			}
			if (c == '/' && next(i) == '*') {
				this.position = commentEnd(i);
				continue;
			}
			if (Character.isWhitespace(c)) {
				this.position++;
				continue;
			}
			if (c == ';' && this.block.depth == 0 && this.parentheses == 0) {
				if (this.start >= 0) {
					emit();
				}
				this.position = i + 1;
				continue;
			}
			if (this.start < 0) {
				this.start = i;
			}
			if (c == '(' || c == ')') {
				this.parentheses = Math.max(0, this.parentheses + ((c == '(') ? 1 : -1));
				this.position++;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				this.position = quotedEnd(i, c, false);
			}
			else if (c == '$' && dollarTagEnd(i) > 0) {
				this.position = dollarQuotedEnd(i);
			}
			else if (isWordStart(c)) {
				int wordEnd = wordEnd(i);
				if (wordEnd - i == 1 && (c == 'E' || c == 'e') && wordEnd < length && s.charAt(wordEnd) == '\'') {
					this.position = quotedEnd(wordEnd, '\'', true);
				}
				else {
					this.block.word(s.substring(i, wordEnd).toUpperCase(Locale.ROOT));
					this.position = wordEnd;
				}
			}
			else if (Character.isDigit(c)) {
				this.position = wordEnd(i);
			}
			else {
				this.position++;
			}
			this.end = this.position;
		}
		if (this.start >= 0) {
			emit();
		}
	}

	/** Comments after the statement's last token belong to no statement. */
	private void emit() {
		this.statements.add(new SqlStatement(this.script.substring(this.start, this.end), line(this.start)));
		this.start = -1;
		this.parentheses = 0;
		this.block.reset();
	}

	private char next(int i) {
		return (i + 1 < this.script.length()) ? this.script.charAt(i + 1) : '\0';
	}

	private int lineEnd(int i) {
		int end = this.script.indexOf('\n', i);
		return (end >= 0) ? end + 1 : this.script.length();
	}

	/** PostgreSQL nests block comments; the end is where the nesting returns to zero. */
	private int commentEnd(int begin) {
		int depth = 0;
		int i = begin;
		while (i < this.script.length() - 1) {
			char c = this.script.charAt(i);
			if (c == '/' && this.script.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else if (c == '*' && this.script.charAt(i + 1) == '/') {
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
		throw unterminated("comment", begin);
	}

	private int quotedEnd(int begin, char quote, boolean backslashEscapes) {
		int i = begin + 1;
		while (i < this.script.length()) {
			char c = this.script.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (next(i) != quote) {
					return i + 1;
				}
				i += 2;
			}
			else {
				i++;
			}
		}
		throw unterminated((quote == '\'') ? "string" : "quoted identifier", begin);
	}

	/**
	 * Return the index after the opening tag of a dollar quote ({@code $$} or
	 * {@code $tag$}) at the given index, or -1 when there is none: {@code $1} is a
	 * parameter and a {@code $} inside an identifier never reaches here.
	 */
	private int dollarTagEnd(int begin) {
		int i = begin + 1;
		while (i < this.script.length()) {
			char c = this.script.charAt(i);
			if (c == '$') {
				return i + 1;
			}
			boolean valid = (i == begin + 1) ? isWordStart(c) : isWordPart(c) && c != '$';
			if (!valid) {
				return -1;
			}
			i++;
		}
		return -1;
	}

	private int dollarQuotedEnd(int begin) {
		int tagEnd = dollarTagEnd(begin);
		String tag = this.script.substring(begin, tagEnd);
		int close = this.script.indexOf(tag, tagEnd);
		if (close < 0) {
			throw unterminated("dollar-quoted body " + tag, begin);
		}
		return close + tag.length();
	}

	private int wordEnd(int begin) {
		int i = begin + 1;
		while (i < this.script.length() && isWordPart(this.script.charAt(i))) {
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

	/** Line numbers are asked for in increasing offsets, so counting resumes. */
	private int line(int offset) {
		if (offset < this.lineOffset) {
			this.lineOffset = 0;
			this.lineAt = 0;
		}
		for (int i = this.lineOffset; i < offset; i++) {
			if (this.script.charAt(i) == '\n') {
				this.lineAt++;
			}
		}
		this.lineOffset = offset;
		return this.lineAt + 1;
	}

	private MigrationException unterminated(String what, int begin) {
		return new MigrationException("SQL file " + this.subject + " has a " + what + " starting at line " + line(begin)
				+ " that is never closed. Close it, or check the quotes before it.");
	}

	/**
	 * Tracks the {@code BEGIN … END} body of the statement being read, where semicolons
	 * separate the body's statements instead of ending the outer one.
	 */
	private static final class Block {

		private static final List<String> MODIFIERS = List.of("OR", "REPLACE", "TEMP", "TEMPORARY", "CONSTRAINT");

		private Kind kind = Kind.UNDECIDED;

		private int words;

		private boolean afterBegin;

		private int depth;

		void reset() {
			this.kind = Kind.UNDECIDED;
			this.words = 0;
			this.afterBegin = false;
			this.depth = 0;
		}

		void word(String word) {
			if (this.kind == Kind.UNDECIDED) {
				decide(word);
			}
			this.words++;
			if (this.kind == Kind.TRIGGER) {
				triggerWord(word);
			}
			else if (this.kind == Kind.ROUTINE) {
				routineWord(word);
			}
		}

		private void decide(String word) {
			if (this.words == 0) {
				this.kind = word.equals("CREATE") ? Kind.UNDECIDED : Kind.OTHER;
			}
			else if (word.equals("TRIGGER")) {
				this.kind = Kind.TRIGGER;
			}
			else if (word.equals("FUNCTION") || word.equals("PROCEDURE")) {
				this.kind = Kind.ROUTINE;
			}
			else if (!MODIFIERS.contains(word)) {
				this.kind = Kind.OTHER;
			}
		}

		/** SQLite: {@code BEGIN stmt; … END}, with {@code CASE … END} inside. */
		private void triggerWord(String word) {
			if (word.equals("BEGIN") || word.equals("CASE")) {
				this.depth++;
			}
			else if (word.equals("END") && this.depth > 0) {
				this.depth--;
			}
		}

		/**
		 * PostgreSQL: {@code BEGIN ATOMIC stmt; … END}, with {@code CASE … END} inside.
		 */
		private void routineWord(String word) {
			if (this.afterBegin && word.equals("ATOMIC")) {
				this.depth++;
			}
			else if (this.depth > 0 && word.equals("CASE")) {
				this.depth++;
			}
			else if (this.depth > 0 && word.equals("END")) {
				this.depth--;
			}
			this.afterBegin = word.equals("BEGIN");
		}

		private enum Kind {

			UNDECIDED, TRIGGER, ROUTINE, OTHER

		}

	}

}
