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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.MigrationException;
import dev.migrations.schema.SqlTokens.Kind;
import dev.migrations.schema.SqlTokens.Token;
import dev.migrations.schema.TableChange.ConstraintKind;

/**
 * The body of an SQLite {@code CREATE TABLE} statement as column definitions and table
 * constraints that can be edited and written back. Parts not touched by a change keep
 * their original text, so whatever the model does not know (collations,
 * {@code AUTOINCREMENT}, generated columns, {@code WITHOUT ROWID}) survives a rebuild.
 */
final class SqliteTableDefinition {

	private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

	private final String table;

	private final List<List<Token>> segments;

	private final String options;

	private SqliteTableDefinition(String table, List<List<Token>> segments, String options) {
		this.table = table;
		this.segments = segments;
		this.options = options;
	}

	/**
	 * Parse a {@code CREATE TABLE} statement as SQLite stores it in
	 * {@code sqlite_master}.
	 * @param table the table name, for messages
	 * @param sql the statement
	 * @return the definition
	 */
	static SqliteTableDefinition parse(String table, String sql) {
		List<Token> tokens = SqlTokens.of(sql);
		int body = -1;
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).kind() == Kind.GROUP) {
				body = i;
				break;
			}
		}
		if (body < 0) {
			throw new MigrationException("Table " + table + " is not defined by a column list (" + sql
					+ "), so it cannot be rebuilt. Recreate it by hand with ctx.jdbc().");
		}
		List<List<Token>> segments = new ArrayList<>();
		List<Token> current = new ArrayList<>();
		for (Token token : SqlTokens.of(tokens.get(body).inner())) {
			if (token.kind() == Kind.SYMBOL && token.text().equals(",")) {
				segments.add(current);
				current = new ArrayList<>();
			}
			else {
				current.add(token);
			}
		}
		segments.add(current);
		return new SqliteTableDefinition(table, segments, SqlTokens.join(tokens.subList(body + 1, tokens.size())));
	}

	/**
	 * Write the statement that creates a table with this definition.
	 * @param qualifiedName the quoted, qualified name of the table to create
	 * @return the statement
	 */
	String createSql(String qualifiedName) {
		List<String> parts = new ArrayList<>();
		this.segments.forEach((segment) -> parts.add(SqlTokens.join(segment)));
		return "CREATE TABLE " + qualifiedName + " (" + String.join(",", parts) + ")" + this.options;
	}

	/**
	 * Return the names of the columns that hold stored values (not generated ones).
	 * @return the column names in order
	 */
	List<String> storedColumns() {
		List<String> names = new ArrayList<>();
		for (List<Token> segment : this.segments) {
			if (isColumn(segment) && clauses(segment).stream()
				.noneMatch((clause) -> clause.kind().equals("GENERATED") || clause.kind().equals("AS"))) {
				names.add(segment.get(0).identifier());
			}
		}
		return names;
	}

	/**
	 * Return the check constraints, in order.
	 * @return the checks
	 */
	List<CheckConstraint> checks() {
		List<CheckConstraint> checks = new ArrayList<>();
		for (List<Token> segment : this.segments) {
			List<Clause> clauses = isColumn(segment) ? clauses(segment) : List.of(tableClause(segment));
			for (Clause clause : clauses) {
				if (clause.kind().equals("CHECK") && clause.end() > 0
						&& segment.get(clause.end() - 1).kind() == Kind.GROUP) {
					checks.add(new CheckConstraint(clause.name(), segment.get(clause.end() - 1).inner()));
				}
			}
		}
		return checks;
	}

	/**
	 * Return the names of the constraints of a kind.
	 * @param kind the kind
	 * @return the names of the named ones
	 */
	Set<String> constraintNames(ConstraintKind kind) {
		Set<String> names = new LinkedHashSet<>();
		for (List<Token> segment : this.segments) {
			List<Clause> clauses = isColumn(segment) ? clauses(segment) : List.of(tableClause(segment));
			for (Clause clause : clauses) {
				if (clause.name() != null && matches(clause.kind(), kind)) {
					names.add(clause.name());
				}
			}
		}
		return names;
	}

	/**
	 * Return the names of named foreign keys by their columns.
	 * @return the names
	 */
	Map<List<String>, String> foreignKeyNames() {
		Map<List<String>, String> names = new LinkedHashMap<>();
		for (List<Token> segment : this.segments) {
			if (isColumn(segment)) {
				for (Clause clause : clauses(segment)) {
					if (clause.name() != null && clause.kind().equals("REFERENCES")) {
						names.put(List.of(segment.get(0).identifier()), clause.name());
					}
				}
			}
			else {
				Clause clause = tableClause(segment);
				if (clause.name() != null && clause.kind().equals("FOREIGN") && segment.size() > 4
						&& segment.get(4).kind() == Kind.GROUP) {
					names.put(identifiers(segment.get(4).inner()), clause.name());
				}
			}
		}
		return names;
	}

	/**
	 * Apply a change that needs a rebuild.
	 * @param change the change
	 */
	void apply(TableChange change) {
		if (change instanceof TableChange.AddColumn add) {
			this.segments.add(column(add.column()));
		}
		else if (change instanceof TableChange.ChangeType type) {
			List<Token> segment = columnSegment(type.column());
			int end = typeEnd(segment);
			segment.subList(1, end).clear();
			segment.add(1, Token.raw(type.type()));
		}
		else if (change instanceof TableChange.SetNotNull notNull) {
			List<Token> segment = columnSegment(notNull.column());
			removeClauses(segment, "NOT");
			removeClauses(segment, "NULL");
			if (notNull.notNull()) {
				segment.add(typeEnd(segment), Token.raw("NOT NULL"));
			}
		}
		else if (change instanceof TableChange.SetDefault setDefault) {
			List<Token> segment = columnSegment(setDefault.column());
			removeClauses(segment, "DEFAULT");
			if (setDefault.defaultValue() != null) {
				segment.add(Token.raw("DEFAULT " + DefinitionSql.sqliteDefault(setDefault.defaultValue())));
			}
		}
		else if (change instanceof TableChange.AddUnique unique) {
			this.segments
				.add(List.of(Token.raw(DefinitionSql.unique(unique.name(), unique.columns(), DatabaseKind.SQLITE))));
		}
		else if (change instanceof TableChange.AddForeignKey add) {
			ForeignKeyDefinition foreignKey = add.foreignKey();
			this.segments.add(List.of(Token.raw(DefinitionSql.foreignKey(foreignKey,
					SchemaCatalog.quote(foreignKey.referencedTable()), DatabaseKind.SQLITE))));
		}
		else if (change instanceof TableChange.AddCheck check) {
			this.segments
				.add(List.of(Token.raw(DefinitionSql.check(check.name(), check.expression(), DatabaseKind.SQLITE))));
		}
		else if (change instanceof TableChange.DropConstraint drop) {
			dropConstraint(drop.name());
		}
		else {
			throw new IllegalArgumentException("Not a rebuild change: " + change);
		}
	}

	private List<Token> column(ColumnDefinition column) {
		return new ArrayList<>(SqlTokens.of(" " + DefinitionSql.column(column, DatabaseKind.SQLITE)));
	}

	private void dropConstraint(String name) {
		for (int i = 0; i < this.segments.size(); i++) {
			List<Token> segment = this.segments.get(i);
			if (!isColumn(segment)) {
				if (name.equals(tableClause(segment).name())) {
					this.segments.remove(i);
					return;
				}
				continue;
			}
			for (Clause clause : clauses(segment)) {
				if (name.equals(clause.name())) {
					segment.subList(clause.start(), clause.end()).clear();
					return;
				}
			}
		}
		throw new MigrationException("Table " + this.table + " has no constraint named " + name
				+ ". SQLite only knows constraints declared with CONSTRAINT <name>; check the name.");
	}

	private List<Token> columnSegment(String column) {
		for (int i = 0; i < this.segments.size(); i++) {
			List<Token> segment = this.segments.get(i);
			if (isColumn(segment) && segment.get(0).identifier().equals(column)) {
				List<Token> editable = new ArrayList<>(segment);
				this.segments.set(i, editable);
				return editable;
			}
		}
		throw new MigrationException("Table " + this.table + " has no column " + column + ". Check the name.");
	}

	private static void removeClauses(List<Token> segment, String kind) {
		List<Clause> clauses = new ArrayList<>(clauses(segment));
		for (int i = clauses.size() - 1; i >= 0; i--) {
			Clause clause = clauses.get(i);
			if (clause.kind().equals(kind)) {
				segment.subList(clause.start(), clause.end()).clear();
			}
		}
	}

	private static boolean matches(String clauseKind, ConstraintKind kind) {
		return switch (kind) {
			case UNIQUE -> clauseKind.equals("UNIQUE");
			case CHECK -> clauseKind.equals("CHECK");
			case FOREIGN_KEY -> clauseKind.equals("FOREIGN") || clauseKind.equals("REFERENCES");
		};
	}

	private static boolean isColumn(List<Token> segment) {
		return !segment.isEmpty() && !TABLE_CONSTRAINTS.contains(segment.get(0).upper());
	}

	private static Clause tableClause(List<Token> segment) {
		if (segment.get(0).is("CONSTRAINT") && segment.size() > 2) {
			return new Clause(0, segment.size(), segment.get(2).upper(), segment.get(1).identifier());
		}
		return new Clause(0, segment.size(), segment.get(0).upper(), null);
	}

	private static int typeEnd(List<Token> segment) {
		int i = 1;
		while (i < segment.size() && !startsClause(segment, i)) {
			i++;
		}
		return i;
	}

	/**
	 * Return the constraint clauses of a column definition.
	 */
	private static List<Clause> clauses(List<Token> segment) {
		List<Clause> clauses = new ArrayList<>();
		int i = typeEnd(segment);
		while (i < segment.size()) {
			int start = i;
			String name = null;
			if (segment.get(i).is("CONSTRAINT") && i + 2 < segment.size()) {
				name = segment.get(i + 1).identifier();
				i += 2;
			}
			String kind = segment.get(i).upper();
			i++;
			while (i < segment.size() && !startsClause(segment, i)) {
				i++;
			}
			clauses.add(new Clause(start, i, kind, name));
		}
		return clauses;
	}

	private static boolean startsClause(List<Token> segment, int i) {
		String word = segment.get(i).upper();
		String previous = (i > 0) ? segment.get(i - 1).upper() : "";
		return switch (word) {
			case "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "COLLATE", "REFERENCES", "GENERATED" -> true;
			case "DEFAULT" -> !previous.equals("SET");
			case "NOT" -> i + 1 < segment.size() && segment.get(i + 1).is("NULL");
			case "NULL" -> !previous.equals("NOT") && !previous.equals("SET") && !previous.equals("DEFAULT");
			case "AS" -> !previous.equals("ALWAYS");
			default -> false;
		};
	}

	private static List<String> identifiers(String list) {
		List<String> names = new ArrayList<>();
		for (Token token : SqlTokens.of(list)) {
			if (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED) {
				names.add(token.identifier());
			}
		}
		return names;
	}

	/**
	 * A constraint clause of a column definition, or a table constraint.
	 */
	private record Clause(int start, int end, String kind, @Nullable String name) {
	}

}
