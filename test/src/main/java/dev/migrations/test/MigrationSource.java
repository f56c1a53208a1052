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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;
import dev.migrations.test.SchemaStatement.Kind;

/**
 * Writes the source of a migration from Hibernate's update statements: a Java class whose
 * {@code up} runs them ({@code ctx.alterTable(…)} for a {@code NOT NULL} column without a
 * default or a foreign key on SQLite, which need a rebuild) and whose {@code down} drops
 * what they add, or an SQL file and its {@code .down.sql}.
 *
 * @param packageName the package of the class, empty for none
 * @param name the class or file name without extension, {@code V<version>__<Description>}
 * @param kind the database the statements were written for
 * @param application the application whose entities they come from
 * @param statements the statements, in Hibernate's order
 */
record MigrationSource(String packageName, String name, DatabaseKind kind, String application,
		List<SchemaStatement> statements) {

	private static final String INDENT = "\t\t";

	MigrationSource {
		statements = List.copyOf(statements);
	}

	/**
	 * Return the Java source of the migration class.
	 * @return the source
	 */
	String java() {
		StringBuilder java = new StringBuilder();
		if (!this.packageName.isEmpty()) {
			java.append("package ").append(this.packageName).append(";\n\n");
		}
		List<String> up = up();
		List<String> down = down();
		String body = String.join("\n", up);
		if (body.contains("List.of(")) {
			java.append("import java.util.List;\n\n");
		}
		if (body.contains("ColumnDefinition.")) {
			java.append("import dev.migrations.ColumnDefinition;\n");
		}
		if (body.contains("ForeignKeyDefinition")) {
			java.append("import dev.migrations.ForeignKeyDefinition;\n");
		}
		java.append("import dev.migrations.Migration;\nimport dev.migrations.MigrationContext;\n\n");
		java.append("import org.springframework.stereotype.Component;\n\n");
		java.append("/**\n");
		header().forEach((line) -> java.append(" *").append(line.isEmpty() ? "" : " " + line).append('\n'));
		java.append(" */\n@Component\nclass ").append(this.name).append(" implements Migration {\n\n");
		java.append("\t@Override\n\tpublic void up(MigrationContext ctx) {\n");
		up.forEach((line) -> java.append(INDENT).append(line).append('\n'));
		java.append("\t}\n");
		boolean reverses = down.stream().anyMatch((line) -> !line.startsWith("//"));
		if (reverses) {
			java.append("\n\t@Override\n\tpublic void down(MigrationContext ctx) {\n");
			down.forEach((line) -> java.append(INDENT).append(line).append('\n'));
			java.append("\t}\n");
		}
		else {
			java.append("\n\t// No down: nothing of up can be reversed here.\n");
			down.forEach((line) -> java.append('\t').append(line).append('\n'));
		}
		return java.append("\n}\n").toString();
	}

	/**
	 * Return the SQL migration: the statements as Hibernate wrote them.
	 * @return the content of {@code <name>.sql}
	 */
	String sql() {
		StringBuilder sql = new StringBuilder();
		header().forEach((line) -> sql.append("--").append(line.isEmpty() ? "" : " " + line).append('\n'));
		for (SchemaStatement statement : this.statements) {
			if (rebuilds(statement)) {
				sql.append("-- SQLite refuses this without a table rebuild: generate the Java migration ")
					.append("(ctx.alterTable) instead.\n-- ");
			}
			sql.append(statement.sql()).append(";\n");
		}
		return sql.toString();
	}

	/**
	 * Return the SQL that reverses {@link #sql()}, or {@code null} when nothing can be.
	 * @return the content of {@code <name>.down.sql}, or {@code null}
	 */
	String downSql() {
		List<String> lines = new ArrayList<>();
		boolean reverses = false;
		for (SchemaStatement statement : reversed()) {
			if (rebuilds(statement)) {
				continue;
			}
			String reverse = reverseSql(statement);
			lines.add((reverse != null) ? reverse + ";" : "-- Not reversed: " + statement.sql());
			reverses |= reverse != null;
		}
		return (reverses) ? String.join("\n", lines) + "\n" : null;
	}

	private List<String> header() {
		List<String> header = new ArrayList<>();
		header.add("Brings the schema to the JPA entities of " + this.application + ".");
		header.add("Written by MigrationGenerator from Hibernate's schema update script for " + databaseName() + ":");
		header.add("review it before committing.");
		header.add("");
		header.add("Hibernate only creates and adds: it never drops or renames a table, column, index or");
		header.add("constraint, and never changes a column's type, nullability or default. Write such");
		header.add("changes by hand (ctx.alterTable(…).dropColumn, renameColumn, changeType, setNotNull).");
		if (this.statements.stream().anyMatch((statement) -> statement.notNull() && statement.defaultValue() == null)) {
			header.add("");
			header.add("A NOT NULL column without a default fails on a table that has rows: give it a");
			header.add("default or fill it in first.");
		}
		if (this.kind == DatabaseKind.SQLITE) {
			header.add("");
			header.add("SQLite: a NOT NULL column without a default and a foreign key are added by a table");
			header.add("rebuild (ctx.alterTable), as Hibernate's plain ALTER TABLE cannot.");
		}
		return header;
	}

	private String databaseName() {
		return switch (this.kind) {
			case POSTGRES -> "PostgreSQL";
			case SQLITE -> "SQLite";
			case MARIADB -> "MariaDB";
			default -> this.kind.name();
		};
	}

	private List<String> up() {
		return lines(this.statements, (statement) -> (rebuilds(statement)) ? addition(statement) : null,
				(statement) -> "ctx.jdbc().execute(" + literal(statement.sql()) + ");");
	}

	/**
	 * Return the code lines for the statements: a statement with a table change joins the
	 * {@code ctx.alterTable(…)} batch of the statements before it on the same table, one
	 * rebuild on SQLite; any other is one line of its own.
	 * @param statements the statements, in order
	 * @param change the table change of a statement ({@code .addColumn(…)} and the like),
	 * or {@code null} for none
	 * @param line the line of a statement without a table change
	 */
	private static List<String> lines(List<SchemaStatement> statements,
			Function<SchemaStatement, @Nullable String> change, Function<SchemaStatement, String> line) {
		List<String> lines = new ArrayList<>();
		String table = null;
		StringBuilder batch = null;
		for (SchemaStatement statement : statements) {
			String alteration = change.apply(statement);
			if (alteration != null && batch != null && Objects.equals(table, statement.table())) {
				batch.append("\n" + INDENT + "\t").append(alteration);
				continue;
			}
			if (batch != null) {
				lines.add(batch.append("\n" + INDENT + "\t.apply();").toString());
				batch = null;
			}
			if (alteration != null) {
				table = statement.table();
				batch = new StringBuilder("ctx.alterTable(" + literal(table) + ")\n" + INDENT + "\t" + alteration);
				continue;
			}
			lines.add(line.apply(statement));
		}
		if (batch != null) {
			lines.add(batch.append("\n" + INDENT + "\t.apply();").toString());
		}
		return lines;
	}

	/**
	 * Whether SQLite refuses the statement as Hibernate wrote it, so that the Java
	 * migration makes the change with a table rebuild.
	 */
	private boolean rebuilds(SchemaStatement statement) {
		return this.kind == DatabaseKind.SQLITE
				&& ((statement.kind() == Kind.ADD_COLUMN && statement.notNull() && statement.defaultValue() == null)
						|| statement.kind() == Kind.ADD_FOREIGN_KEY);
	}

	private static String addition(SchemaStatement statement) {
		if (statement.kind() == Kind.ADD_FOREIGN_KEY) {
			String foreignKey = (statement.columns().size() == 1 && statement.referencedColumns().size() == 1)
					? "ForeignKeyDefinition.of(" + literal(statement.name()) + ", "
							+ literal(statement.columns().get(0)) + ", " + literal(statement.referencedTable()) + ", "
							+ literal(statement.referencedColumns().get(0)) + ")"
					: "new ForeignKeyDefinition(" + literal(statement.name()) + ", " + list(statement.columns()) + ", "
							+ literal(statement.referencedTable()) + ", " + list(statement.referencedColumns())
							+ ", \"NO ACTION\", \"NO ACTION\")";
			return ".addForeignKey(" + foreignKey + ")";
		}
		String column = "ColumnDefinition.of(" + literal(statement.name()) + ", " + literal(statement.type())
				+ ").notNull()";
		return ".addColumn(" + column + ")";
	}

	private static String list(List<String> values) {
		return "List.of(" + String.join(", ", values.stream().map(MigrationSource::literal).toList()) + ")";
	}

	private List<String> down() {
		return lines(reversed(), MigrationSource::alteration, (statement) -> {
			String reverse = reverseSql(statement);
			return (reverse != null) ? "ctx.jdbc().execute(" + literal(reverse) + ");"
					: "// Not reversed: " + statement.sql();
		});
	}

	/**
	 * Return the statements to reverse, newest first, without those on tables that the
	 * reverse drops anyway.
	 */
	private List<SchemaStatement> reversed() {
		List<String> created = this.statements.stream()
			.filter((statement) -> statement.kind() == Kind.CREATE_TABLE)
			.map(SchemaStatement::table)
			.toList();
		List<SchemaStatement> reversed = new ArrayList<>();
		for (SchemaStatement statement : this.statements) {
			if (statement.kind() == Kind.CREATE_TABLE || !created.contains(statement.table())) {
				reversed.add(0, statement);
			}
		}
		return reversed;
	}

	private static String alteration(SchemaStatement statement) {
		return switch (statement.kind()) {
			case ADD_COLUMN, OTHER_ADD_COLUMN -> ".dropColumn(" + literal(statement.name()) + ")";
			case ADD_FOREIGN_KEY -> ".dropForeignKey(" + literal(statement.name()) + ")";
			case ADD_UNIQUE_CONSTRAINT -> ".dropUniqueConstraint(" + literal(statement.name()) + ")";
			default -> null;
		};
	}

	private String reverseSql(SchemaStatement statement) {
		boolean mariaDb = this.kind == DatabaseKind.MARIADB;
		return switch (statement.kind()) {
			case CREATE_TABLE -> "DROP TABLE " + statement.table();
			case ADD_COLUMN, OTHER_ADD_COLUMN ->
				"ALTER TABLE " + statement.table() + " DROP COLUMN " + statement.name();
			case CREATE_INDEX -> "DROP INDEX " + statement.name() + ((mariaDb) ? " ON " + statement.table() : "");
			case ADD_FOREIGN_KEY -> "ALTER TABLE " + statement.table()
					+ ((mariaDb) ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ") + statement.name();
			case ADD_UNIQUE_CONSTRAINT -> "ALTER TABLE " + statement.table()
					+ ((mariaDb) ? " DROP INDEX " : " DROP CONSTRAINT ") + statement.name();
			case CREATE_SEQUENCE -> "DROP SEQUENCE " + statement.name();
			case OTHER -> null;
		};
	}

	private static String literal(String value) {
		StringBuilder literal = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> literal.append("\\\"");
				case '\\' -> literal.append("\\\\");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				default -> literal.append(c);
			}
		}
		return literal.append('"').toString();
	}

}
