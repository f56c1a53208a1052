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
import java.util.Map;

import dev.migrations.MigrationException;
import dev.migrations.schema.SqlTokens.Kind;
import dev.migrations.schema.SqlTokens.Token;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds an SQLite table with a changed definition, following
 * <a href="https://www.sqlite.org/lang_altertable.html#otheralter">SQLite's procedure</a>
 * inside the caller's transaction: remember the table's indexes and triggers, create
 * {@code new_
 *
<table>
 * } with the new definition, copy the rows, drop the old table, rename the new one (with
 * {@code legacy_alter_table} on, so that views and triggers elsewhere are not re-parsed
 * half way), recreate the indexes and triggers and run {@code foreign_key_check} on the
 * table and those referencing it.
 * <p>
 * {@code PRAGMA foreign_keys} cannot change inside a transaction. When foreign keys are
 * enforced there, dropping a table that other tables reference would run their
 * {@code ON DELETE} actions (or fail at commit), so such a rebuild is refused with a
 * message; {@link SchemaTransaction} switches enforcement off when the migration is not
 * transactional.
 */
final class SqliteTableRebuild {

	private final SqliteSchemaCatalog catalog;

	private final JdbcTemplate jdbc;

	SqliteTableRebuild(SqliteSchemaCatalog catalog) {
		this.catalog = catalog;
		this.jdbc = catalog.jdbc();
	}

	void rebuild(String table, List<TableChange> changes) {
		String createSql = this.catalog.createSql(table);
		List<String> oldColumns = SqliteTableDefinition.parse(table, createSql).storedColumns();
		SqliteTableDefinition definition = SqliteTableDefinition.parse(table, createSql);
		changes.forEach(definition::apply);
		List<String> copied = new ArrayList<>(definition.storedColumns());
		copied.retainAll(oldColumns);
		List<String> referencing = referencingTables(table);
		checkForeignKeyEnforcement(table, referencing);
		List<String> dependents = this.jdbc.queryForList("SELECT sql FROM " + this.catalog.prefix()
				+ "sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL"
				+ " ORDER BY CASE type WHEN 'index' THEN 0 ELSE 1 END, rowid", String.class, table);
		String temporary = "new_" + table;
		if (this.catalog.hasTable(temporary)) {
			throw new MigrationException("Table " + table + " cannot be rebuilt because table " + temporary
					+ " already exists; the rebuild needs that name. Rename or drop " + temporary + " first.");
		}
		this.jdbc.execute(definition.createSql(this.catalog.qualify(temporary)));
		String columns = SchemaCatalog.quoteAll(copied);
		if (!copied.isEmpty()) {
			this.jdbc.execute("INSERT INTO " + this.catalog.qualify(temporary) + " (" + columns + ") SELECT " + columns
					+ " FROM " + this.catalog.qualify(table));
		}
		this.jdbc.execute("DROP TABLE " + this.catalog.qualify(table));
		renameWithoutReparsing(temporary, table);
		dependents.forEach((sql) -> this.jdbc.execute(qualifyObject(sql)));
		checkForeignKeys(table, referencing);
	}

	private List<String> referencingTables(String table) {
		List<String> referencing = new ArrayList<>();
		for (String candidate : this.catalog.tables()) {
			List<Map<String, Object>> keys = this.jdbc.queryForList(
					"PRAGMA " + this.catalog.prefix() + "foreign_key_list(" + SchemaCatalog.literal(candidate) + ")");
			if (keys.stream().anyMatch((key) -> table.equalsIgnoreCase(String.valueOf(key.get("table"))))) {
				referencing.add(candidate);
			}
		}
		return referencing;
	}

	private void checkForeignKeyEnforcement(String table, List<String> referencing) {
		Integer enforced = this.jdbc.queryForObject("PRAGMA foreign_keys", Integer.class);
		if (enforced != null && enforced == 1 && !referencing.isEmpty()) {
			throw new MigrationException("Table " + table + " cannot be rebuilt on SQLite while foreign keys are "
					+ "enforced inside the migration's transaction: dropping the old table would run the ON DELETE "
					+ "actions of the tables that reference it (" + String.join(", ", referencing)
					+ "), and PRAGMA foreign_keys cannot change inside a transaction. Make the migration "
					+ "non-transactional (transactional() returns false) so the rebuild can switch foreign keys "
					+ "off around its own transaction, or connect with foreign keys off (the SQLite default).");
		}
	}

	private void renameWithoutReparsing(String from, String to) {
		Integer legacy = this.jdbc.queryForObject("PRAGMA legacy_alter_table", Integer.class);
		this.jdbc.execute("PRAGMA legacy_alter_table = ON");
		try {
			this.jdbc.execute("ALTER TABLE " + this.catalog.qualify(from) + " RENAME TO " + SchemaCatalog.quote(to));
		}
		finally {
			this.jdbc.execute("PRAGMA legacy_alter_table = " + ((legacy != null && legacy == 1) ? "ON" : "OFF"));
		}
	}

	private void checkForeignKeys(String table, List<String> referencing) {
		List<String> tables = new ArrayList<>(List.of(table));
		referencing.stream().filter((name) -> !name.equals(table)).forEach(tables::add);
		for (String name : tables) {
			List<Map<String, Object>> violations = this.jdbc.queryForList(
					"PRAGMA " + this.catalog.prefix() + "foreign_key_check(" + SchemaCatalog.literal(name) + ")");
			if (!violations.isEmpty()) {
				Map<String, Object> first = violations.get(0);
				throw new MigrationException("Rebuilding table " + table + " breaks " + violations.size()
						+ " foreign key reference(s): for example row " + first.get("rowid") + " of table "
						+ first.get("table") + " references a missing row of table " + first.get("parent")
						+ ". Fix the data or the change and run again.");
			}
		}
	}

	/**
	 * Qualify the name in a {@code CREATE INDEX} or {@code CREATE TRIGGER} statement with
	 * the schema, when one is set, so that it is recreated in the table's database.
	 */
	private String qualifyObject(String sql) {
		if (this.catalog.schema() == null) {
			return sql;
		}
		List<Token> tokens = new ArrayList<>(SqlTokens.of(sql));
		int i = 0;
		while (i < tokens.size() && !tokens.get(i).is("INDEX") && !tokens.get(i).is("TRIGGER")) {
			i++;
		}
		i++;
		if (i + 2 < tokens.size() && tokens.get(i).is("IF") && tokens.get(i + 1).is("NOT")) {
			i += 3;
		}
		if (i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.SYMBOL && tokens.get(i + 1).text().equals(".")) {
			return sql;
		}
		if (i < tokens.size()) {
			Token name = tokens.get(i);
			tokens.set(i, new Token(name.leading(), this.catalog.prefix() + name.text(), name.kind()));
		}
		return SqlTokens.join(tokens);
	}

}
