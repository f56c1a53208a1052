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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One statement of Hibernate's schema update script, read far enough to write its
 * reverse: what it creates or adds, on which table, under which name.
 *
 * @param kind what the statement does
 * @param sql the statement, without a trailing semicolon
 * @param table the table it creates or changes, or {@code null} for a sequence or an
 * unknown statement
 * @param name the column, index, constraint or sequence it adds, or {@code null}
 * @param type the type of an added column, or {@code null}
 * @param notNull whether an added column is {@code NOT NULL}
 * @param defaultValue the default of an added column, or {@code null}
 * @param columns the columns of a foreign key
 * @param referencedTable the table a foreign key references, or {@code null}
 * @param referencedColumns the columns a foreign key references, empty for the primary
 * key
 */
record SchemaStatement(Kind kind, String sql, @Nullable String table, @Nullable String name, @Nullable String type,
		boolean notNull, @Nullable String defaultValue, List<String> columns, @Nullable String referencedTable,
		List<String> referencedColumns) {

	private static final String IDENTIFIER = "([\\w.$\"`]+)";

	private static final Pattern CREATE_TABLE = Pattern.compile("create table " + IDENTIFIER + "\\s*\\(.*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern ADD_COLUMN = Pattern.compile(
			"alter table (?:if exists )?" + IDENTIFIER + " add (?:column )?" + IDENTIFIER + " (.+)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern CREATE_INDEX = Pattern.compile(
			"create (?:unique )?index " + IDENTIFIER + " on " + IDENTIFIER + "\\s*\\(.*", Pattern.CASE_INSENSITIVE);

	private static final Pattern ADD_FOREIGN_KEY = Pattern.compile(
			"alter table (?:if exists )?" + IDENTIFIER + " add constraint " + IDENTIFIER
					+ " foreign key \\(([^)]*)\\) references " + IDENTIFIER + "(?:\\s*\\(([^)]*)\\))?.*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ADD_UNIQUE = Pattern.compile(
			"alter table (?:if exists )?" + IDENTIFIER + " add constraint " + IDENTIFIER + " unique\\s*\\(.*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CREATE_SEQUENCE = Pattern.compile("create sequence " + IDENTIFIER + ".*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern COLUMN_DEFINITION = Pattern
		.compile("(.+?)(?: default ((?:'[^']*'|[^\\s']+)))?( not null)?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	SchemaStatement {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
	}

	/**
	 * Read a statement as Hibernate writes it.
	 * @param statement the statement, with or without a trailing semicolon
	 * @return what it does; {@link Kind#OTHER} when it is none of the known forms
	 */
	static SchemaStatement parse(String statement) {
		String sql = statement.strip();
		if (sql.endsWith(";")) {
			sql = sql.substring(0, sql.length() - 1).strip();
		}
		Matcher matcher = CREATE_TABLE.matcher(sql);
		if (matcher.matches()) {
			return of(Kind.CREATE_TABLE, sql, matcher.group(1), null);
		}
		matcher = ADD_FOREIGN_KEY.matcher(sql);
		if (matcher.matches()) {
			return new SchemaStatement(Kind.ADD_FOREIGN_KEY, sql, matcher.group(1), matcher.group(2), null, false, null,
					names(matcher.group(3)), matcher.group(4), names(matcher.group(5)));
		}
		matcher = ADD_UNIQUE.matcher(sql);
		if (matcher.matches()) {
			return of(Kind.ADD_UNIQUE_CONSTRAINT, sql, matcher.group(1), matcher.group(2));
		}
		matcher = ADD_COLUMN.matcher(sql);
		if (matcher.matches() && !matcher.group(2).equalsIgnoreCase("constraint")) {
			return addColumn(sql, matcher.group(1), matcher.group(2), matcher.group(3));
		}
		matcher = CREATE_INDEX.matcher(sql);
		if (matcher.matches()) {
			return of(Kind.CREATE_INDEX, sql, matcher.group(2), matcher.group(1));
		}
		matcher = CREATE_SEQUENCE.matcher(sql);
		if (matcher.matches()) {
			return of(Kind.CREATE_SEQUENCE, sql, null, matcher.group(1));
		}
		return of(Kind.OTHER, sql, null, null);
	}

	private static SchemaStatement addColumn(String sql, String table, String column, String definition) {
		Matcher matcher = COLUMN_DEFINITION.matcher(definition.strip());
		String type = (matcher.matches()) ? matcher.group(1).strip() : "";
		boolean simple = matcher.matches() && !type.isEmpty() && !type.toLowerCase(Locale.ROOT)
			.matches(".*\\b(unique|check|references|primary|generated|identity|collate)\\b.*");
		if (!simple) {
			return of(Kind.OTHER_ADD_COLUMN, sql, table, column);
		}
		return new SchemaStatement(Kind.ADD_COLUMN, sql, table, column, type, matcher.group(3) != null,
				matcher.group(2), List.of(), null, List.of());
	}

	private static SchemaStatement of(Kind kind, String sql, @Nullable String table, @Nullable String name) {
		return new SchemaStatement(kind, sql, table, name, null, false, null, List.of(), null, List.of());
	}

	private static List<String> names(@Nullable String list) {
		if (list == null || list.isBlank()) {
			return List.of();
		}
		return Arrays.stream(list.split(",")).map(String::strip).toList();
	}

	/**
	 * What a statement of the update script does.
	 */
	enum Kind {

		/** {@code create table}. */
		CREATE_TABLE,

		/**
		 * {@code alter table … add column} of a type with at most a default and not null.
		 */
		ADD_COLUMN,

		/**
		 * {@code alter table … add column} with more than a type, default and not null.
		 */
		OTHER_ADD_COLUMN,

		/** {@code create index} or {@code create unique index}. */
		CREATE_INDEX,

		/** {@code alter table … add constraint … foreign key}. */
		ADD_FOREIGN_KEY,

		/** {@code alter table … add constraint … unique}. */
		ADD_UNIQUE_CONSTRAINT,

		/** {@code create sequence}. */
		CREATE_SEQUENCE,

		/** Anything else, written as it is and not reversed. */
		OTHER

	}

}
