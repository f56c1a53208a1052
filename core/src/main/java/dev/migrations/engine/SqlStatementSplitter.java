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
import dev.migrations.sql.SqlLexer;

/**
 * Splits an SQL script into statements at the semicolons that end them, the way
 * PostgreSQL's and SQLite's own parsers would, reading it through the one
 * {@link SqlLexer}.
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
		SqlLexer lexer = new SqlLexer(this.script, false);
		while (lexer.next()) {
			if (lexer.unterminated()) {
				throw unterminated(lexer.describe(), lexer.start());
			}
			SqlLexer.Kind kind = lexer.kind();
			if (kind == SqlLexer.Kind.WHITESPACE || kind == SqlLexer.Kind.COMMENT) {
				continue;
			}
			char c = lexer.first();
			if (kind == SqlLexer.Kind.SYMBOL && c == ';' && this.block.depth == 0 && this.parentheses == 0) {
				if (this.start >= 0) {
					emit();
				}
				continue;
			}
			if (this.start < 0) {
				this.start = lexer.start();
			}
			if (kind == SqlLexer.Kind.SYMBOL && (c == '(' || c == ')')) {
				this.parentheses = Math.max(0, this.parentheses + ((c == '(') ? 1 : -1));
			}
			else if (kind == SqlLexer.Kind.WORD) {
				this.block.word(lexer.text().toUpperCase(Locale.ROOT));
			}
			this.end = lexer.end();
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
