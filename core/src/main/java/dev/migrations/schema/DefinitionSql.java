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

import java.util.List;
import java.util.Locale;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.schema.SqlTokens.Kind;
import dev.migrations.schema.SqlTokens.Token;

/**
 * The SQL text of column and constraint definitions, shared by table creation, PostgreSQL
 * changes and SQLite rebuilds so that all of them declare the same thing the same way.
 */
final class DefinitionSql {

	private DefinitionSql() {
	}

	/**
	 * Return a column definition.
	 * @param column the column
	 * @param kind the database kind (SQLite needs non-literal defaults in parentheses)
	 * @return the definition
	 */
	static String column(ColumnDefinition column, DatabaseKind kind) {
		String defaultValue = column.defaultValue();
		String declaredDefault = (defaultValue == null) ? ""
				: " DEFAULT " + ((kind == DatabaseKind.SQLITE) ? sqliteDefault(defaultValue) : defaultValue);
		return SchemaCatalog.quote(column.name(), kind) + " " + column.type() + (column.nullable() ? "" : " NOT NULL")
				+ declaredDefault;
	}

	/**
	 * Return a named unique table constraint.
	 * @param name the name
	 * @param columns the columns
	 * @param kind the database kind
	 * @return the constraint
	 */
	static String unique(String name, List<String> columns, DatabaseKind kind) {
		return "CONSTRAINT " + SchemaCatalog.quote(name, kind) + " UNIQUE (" + SchemaCatalog.quoteAll(columns, kind)
				+ ")";
	}

	/**
	 * Return a named check table constraint.
	 * @param name the name
	 * @param expression the condition
	 * @param kind the database kind
	 * @return the constraint
	 */
	static String check(String name, String expression, DatabaseKind kind) {
		return "CONSTRAINT " + SchemaCatalog.quote(name, kind) + " CHECK (" + expression + ")";
	}

	/**
	 * Return a foreign key table constraint.
	 * @param foreignKey the foreign key
	 * @param referencedTable the referenced table, quoted and qualified as needed
	 * @param kind the database kind
	 * @return the constraint
	 */
	static String foreignKey(ForeignKeyDefinition foreignKey, String referencedTable, DatabaseKind kind) {
		String name = foreignKey.name();
		return ((name != null) ? "CONSTRAINT " + SchemaCatalog.quote(name, kind) + " " : "") + "FOREIGN KEY ("
				+ SchemaCatalog.quoteAll(foreignKey.columns(), kind) + ") REFERENCES " + referencedTable + " ("
				+ SchemaCatalog.quoteAll(foreignKey.referencedColumns(), kind) + ")"
				+ (foreignKey.onDelete().equals("NO ACTION") ? "" : " ON DELETE " + foreignKey.onDelete())
				+ (foreignKey.onUpdate().equals("NO ACTION") ? "" : " ON UPDATE " + foreignKey.onUpdate());
	}

	/**
	 * Return a default as SQLite accepts it: a literal (possibly signed) as it is, any
	 * other expression in parentheses.
	 * @param expression the default expression
	 * @return the SQLite default
	 */
	static String sqliteDefault(String expression) {
		List<Token> tokens = SqlTokens.of(expression);
		boolean literal = tokens.size() == 1 && tokens.get(0).kind() != Kind.SYMBOL;
		boolean signed = tokens.size() == 2 && (tokens.get(0).text().equals("-") || tokens.get(0).text().equals("+"))
				&& tokens.get(1).kind() == Kind.WORD;
		return (literal || signed) ? expression.trim() : "(" + expression.trim() + ")";
	}

	/**
	 * Return whether SQLite's {@code ALTER TABLE ADD COLUMN} can add a column: it must be
	 * nullable or have a non-null constant default.
	 * @param column the column
	 * @return whether the native statement works
	 */
	static boolean sqliteCanAdd(ColumnDefinition column) {
		String defaultValue = column.defaultValue();
		if (defaultValue == null) {
			return column.nullable();
		}
		String expression = sqliteDefault(defaultValue);
		String upper = expression.toUpperCase(Locale.ROOT);
		if (expression.startsWith("(") || upper.startsWith("CURRENT_")) {
			return false;
		}
		return column.nullable() || !upper.equals("NULL");
	}

}
