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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import dev.migrations.ColumnDefinition;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.IndexDefinition;

/**
 * The differences between an expected and an actual {@link SchemaSnapshot}, one readable
 * line each, such as {@code table users: column email: expected text NULL, actual
 * varchar(255) NULL} or {@code view public.active_users: definition differs (…)}. What
 * belongs to an object only one side has (the columns of a missing table, the indexes of
 * a missing materialized view) is not listed again.
 */
public final class SchemaDiff {

	private final List<String> differences;

	/**
	 * Columns that are the same but in another order: PostgreSQL cannot add a column
	 * elsewhere than last.
	 */
	private final List<String> columnOrder;

	private SchemaDiff(List<String> differences, List<String> columnOrder) {
		this.differences = List.copyOf(differences);
		this.columnOrder = List.copyOf(columnOrder);
	}

	/**
	 * Compare two snapshots.
	 * @param expected the expected schema
	 * @param actual the actual schema
	 * @return the differences
	 */
	public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual) {
		List<String> differences = new ArrayList<>();
		List<String> columnOrder = new ArrayList<>();
		for (String table : new TreeSet<>(union(expected.tables().keySet(), actual.tables().keySet()))) {
			TableSnapshot left = expected.tables().get(table);
			TableSnapshot right = actual.tables().get(table);
			if (left == null || right == null) {
				differences.add("table " + table + ": only in " + ((left == null) ? "actual" : "expected"));
			}
			else {
				compare("table " + table + ": ", left, right, differences, columnOrder);
			}
		}
		ObjectDiff.compare(expected.objects(), actual.objects(), differences);
		return new SchemaDiff(differences, columnOrder);
	}

	/**
	 * Return these differences without those of column order alone. A {@code down} that
	 * re-adds a dropped column can only add it last.
	 * @return the differences that are not only column order
	 */
	public SchemaDiff ignoringColumnOrder() {
		return new SchemaDiff(this.differences, List.of());
	}

	/**
	 * Return whether the schemas match.
	 * @return whether there are no differences
	 */
	public boolean isEmpty() {
		return this.differences.isEmpty() && this.columnOrder.isEmpty();
	}

	/**
	 * Return the differences, one line each.
	 * @return the differences
	 */
	public List<String> differences() {
		List<String> all = new ArrayList<>(this.differences);
		all.addAll(this.columnOrder);
		return all;
	}

	@Override
	public String toString() {
		List<String> all = differences();
		if (all.isEmpty()) {
			return "The schemas match.";
		}
		return "The schemas differ in " + all.size() + " place(s):\n  - " + String.join("\n  - ", all);
	}

	private static void compare(String prefix, TableSnapshot expected, TableSnapshot actual, List<String> differences,
			List<String> columnOrder) {
		int before = differences.size();
		compareAll(prefix + "column ", byKey(expected.columns(), ColumnDefinition::name),
				byKey(actual.columns(), ColumnDefinition::name), SchemaDiff::describe, differences);
		if (differences.size() == before && !expected.columns().equals(actual.columns())) {
			columnOrder.add(prefix + "column order expected " + names(expected.columns()) + ", actual "
					+ names(actual.columns()));
		}
		if (!expected.primaryKey().equals(actual.primaryKey())) {
			differences
				.add(prefix + "primary key expected " + expected.primaryKey() + ", actual " + actual.primaryKey());
		}
		compareAll(prefix + "index ", byKey(expected.indexes(), IndexDefinition::name),
				byKey(actual.indexes(), IndexDefinition::name), SchemaDiff::describe, differences);
		compareAll(prefix + "foreign key ", byKey(expected.foreignKeys(), SchemaDiff::key),
				byKey(actual.foreignKeys(), SchemaDiff::key), SchemaDiff::describe, differences);
		compareAll(prefix + "check ", byKey(expected.checks(), SchemaDiff::key),
				byKey(actual.checks(), SchemaDiff::key), CheckConstraint::expression, differences);
	}

	private static <T> void compareAll(String prefix, Map<String, T> expected, Map<String, T> actual,
			Function<T, String> describe, List<String> differences) {
		for (String key : union(expected.keySet(), actual.keySet())) {
			T left = expected.get(key);
			T right = actual.get(key);
			if (left == null) {
				differences.add(prefix + key + ": only in actual (" + describe.apply(right) + ")");
			}
			else if (right == null) {
				differences.add(prefix + key + ": only in expected (" + describe.apply(left) + ")");
			}
			else if (!Objects.equals(left, right)) {
				differences
					.add(prefix + key + ": expected " + describe.apply(left) + ", actual " + describe.apply(right));
			}
		}
	}

	private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach((item) -> map.put(key.apply(item), item));
		return map;
	}

	private static List<String> union(Iterable<String> left, Iterable<String> right) {
		List<String> keys = new ArrayList<>();
		left.forEach(keys::add);
		right.forEach((key) -> {
			if (!keys.contains(key)) {
				keys.add(key);
			}
		});
		return keys;
	}

	private static String key(ForeignKeyDefinition foreignKey) {
		return (foreignKey.name() != null) ? foreignKey.name()
				: foreignKey.columns() + " -> " + foreignKey.referencedTable();
	}

	private static String key(CheckConstraint check) {
		return (check.name() != null) ? check.name() : check.expression();
	}

	private static String describe(ColumnDefinition column) {
		return column.type() + (column.nullable() ? " NULL" : " NOT NULL")
				+ ((column.defaultValue() != null) ? " DEFAULT " + column.defaultValue() : "");
	}

	private static String describe(IndexDefinition index) {
		return (index.unique() ? "UNIQUE " : "") + index.columns();
	}

	private static String describe(ForeignKeyDefinition foreignKey) {
		return foreignKey.columns() + " REFERENCES " + foreignKey.referencedTable() + foreignKey.referencedColumns()
				+ " ON DELETE " + foreignKey.onDelete() + " ON UPDATE " + foreignKey.onUpdate();
	}

	private static List<String> names(List<ColumnDefinition> columns) {
		return columns.stream().map(ColumnDefinition::name).toList();
	}

}
