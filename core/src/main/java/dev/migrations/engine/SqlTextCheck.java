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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrations.Migration;
import dev.migrations.SafetyReport.Finding;
import dev.migrations.SafetyReport.Level;
import dev.migrations.sql.SqlLexer;

/**
 * The safety rules that SQL text alone shows, checked without a database: an index built
 * without {@code CONCURRENTLY}, a foreign key or check added without {@code NOT VALID},
 * {@code SET NOT NULL}, a column type change (which may rewrite the table), and columns
 * or tables dropped or renamed, each on a table the same file does not create. Read
 * through the one {@link SqlLexer}, so nothing inside strings, quoted identifiers,
 * dollar-quoted bodies or comments counts. What the text cannot tell (whether a type
 * change really rewrites, which locks are held) the observed {@code safetyReport()}
 * tells.
 */
public final class SqlTextCheck {

	private SqlTextCheck() {
	}

	/**
	 * Check a migration read from an SQL file; other migrations have no text to check.
	 * @param migration the migration
	 * @return the findings, accepted ones marked; empty for Java migrations
	 */
	public static List<Finding> check(Migration migration) {
		if (!(migration instanceof SqlFileMigration sql)) {
			return List.of();
		}
		List<Finding> findings = new ArrayList<>();
		new Checker(sql.version(), sql.source(), sql.allowed(), sql.transactional(), findings)
			.check(sql.upScript().statements());
		return findings;
	}

	/**
	 * Check SQL text, such as a file's content.
	 * @param source what the text is, for findings (a file name)
	 * @param sql the text
	 * @return the findings
	 */
	public static List<Finding> check(String source, String sql) {
		List<Finding> findings = new ArrayList<>();
		new Checker("?", source, Set.of(), true, findings).check(SqlStatementSplitter.split(sql, source));
		return findings;
	}

	private static final class Checker {

		private final String version;

		private final String source;

		private final Set<String> allowed;

		private final boolean transactional;

		private final List<Finding> findings;

		private final Set<String> created = new HashSet<>();

		Checker(String version, String source, Set<String> allowed, boolean transactional, List<Finding> findings) {
			this.version = version;
			this.source = source;
			this.allowed = allowed;
			this.transactional = transactional;
			this.findings = findings;
		}

		void check(List<SqlStatement> statements) {
			for (SqlStatement statement : statements) {
				List<String> words = words(statement.sql());
				check(words, statement.line());
			}
		}

		private void check(List<String> words, int line) {
			int i = 0;
			if (matches(words, i, "CREATE")) {
				i = skip(words, i + 1, "OR", "REPLACE", "UNLOGGED", "TEMP", "TEMPORARY", "GLOBAL", "LOCAL");
				if (matches(words, i, "TABLE")) {
					i = skip(words, i + 1, "IF", "NOT", "EXISTS");
					this.created.add(name(words, i));
				}
				else if (matches(words, i, "UNIQUE") || matches(words, i, "INDEX")) {
					index(words, skip(words, i, "UNIQUE"), line);
				}
			}
			else if (matches(words, i, "ALTER") && matches(words, i + 1, "TABLE")) {
				i = skip(words, i + 2, "IF", "EXISTS", "ONLY");
				String table = name(words, i);
				if (!this.created.contains(table)) {
					alterTable(words, table, line);
				}
			}
			else if (matches(words, i, "DROP") && matches(words, i + 1, "TABLE")) {
				String table = name(words, skip(words, i + 2, "IF", "EXISTS"));
				if (!this.created.contains(table)) {
					found(SafetyRules.DROP_OR_RENAME, line, "drops table " + table, SafetyRules.DROP_RECIPE);
				}
			}
		}

		private void index(List<String> words, int i, int line) {
			boolean concurrently = words.contains("CONCURRENTLY");
			int on = words.indexOf("ON");
			if (on < 0) {
				return;
			}
			String table = name(words, skip(words, on + 1, "ONLY"));
			if (!concurrently && !this.created.contains(table)) {
				found(SafetyRules.INDEX_NOT_CONCURRENT, line,
						"builds an index on " + table + " without CONCURRENTLY: writes to it wait until it is built",
						SafetyRules.INDEX_RECIPE);
			}
			else if (concurrently && this.transactional) {
				found(SafetyRules.INDEX_NOT_CONCURRENT, line,
						"builds an index CONCURRENTLY in a transaction, " + "which PostgreSQL refuses",
						SafetyRules.INDEX_RECIPE);
			}
		}

		private void alterTable(List<String> words, String table, int line) {
			boolean notValid = contains(words, "NOT", "VALID");
			if (!notValid && (words.contains("FOREIGN") || words.contains("REFERENCES") || words.contains("CHECK"))
					&& words.contains("ADD")) {
				found(SafetyRules.VALIDATED_CONSTRAINT, line,
						"adds a constraint to " + table + " without NOT VALID: every row is checked while writes wait",
						SafetyRules.CONSTRAINT_RECIPE);
			}
			if (contains(words, "SET", "NOT", "NULL")) {
				found(SafetyRules.SET_NOT_NULL, line, "sets a column of " + table + " NOT NULL: every row is "
						+ "checked under an ACCESS EXCLUSIVE lock", SafetyRules.NOT_NULL_RECIPE);
			}
			if (contains(words, "ALTER", "COLUMN") && words.contains("TYPE")
					|| contains(words, "SET", "DATA", "TYPE")) {
				found(SafetyRules.REWRITE, line, "changes a column type of " + table + ", which rewrites the table "
						+ "unless the types are binary compatible", SafetyRules.REWRITE_RECIPE);
			}
			for (int i = 0; i < words.size() - 1; i++) {
				if (words.get(i).equals("DROP") && !List.of("CONSTRAINT", "DEFAULT", "NOT", "IDENTITY", "EXPRESSION")
					.contains(words.get(i + 1))) {
					found(SafetyRules.DROP_OR_RENAME, line, "drops a column of " + table, SafetyRules.DROP_RECIPE);
				}
				if (words.get(i).equals("RENAME") && !words.get(i + 1).equals("CONSTRAINT")) {
					found(SafetyRules.DROP_OR_RENAME, line, "renames " + table + " or one of its columns",
							SafetyRules.DROP_RECIPE);
				}
			}
		}

		private void found(String rule, int line, String message, String recipe) {
			boolean accepted = this.allowed.contains(rule) || this.allowed.contains("all");
			this.findings.add(new Finding(rule, Level.ERROR, this.version, this.source, "line " + line + " " + message,
					recipe, accepted));
		}

		/**
		 * Return the statement's words, upper case, and its quoted identifiers and dots
		 * as they are; strings, bodies and comments are left out.
		 */
		private static List<String> words(String sql) {
			List<String> words = new ArrayList<>();
			SqlLexer lexer = new SqlLexer(sql, false);
			while (lexer.next()) {
				switch (lexer.kind()) {
					case WORD -> words.add(lexer.text().toUpperCase(Locale.ROOT));
					case QUOTED_IDENTIFIER -> words.add(lexer.text());
					case SYMBOL -> words.add(lexer.text());
					default -> {
					}
				}
			}
			return words;
		}

		/**
		 * Return the possibly qualified name at the index, unquoted names in lower case.
		 */
		private static String name(List<String> words, int i) {
			StringBuilder name = new StringBuilder();
			while (i < words.size()) {
				String word = words.get(i);
				name.append(
						(word.startsWith("\"")) ? word.substring(1, word.length() - 1) : word.toLowerCase(Locale.ROOT));
				if (i + 2 < words.size() && words.get(i + 1).equals(".")) {
					name.append('.');
					i += 2;
				}
				else {
					break;
				}
			}
			return name.toString();
		}

		private static boolean matches(List<String> words, int i, String word) {
			return i < words.size() && words.get(i).equals(word);
		}

		private static int skip(List<String> words, int i, String... optional) {
			while (i < words.size() && List.of(optional).contains(words.get(i))) {
				i++;
			}
			return i;
		}

		private static boolean contains(List<String> words, String... sequence) {
			return java.util.Collections.indexOfSubList(words, List.of(sequence)) >= 0;
		}

	}

}
