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
package dev.migrations.dialect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.SafetyReport;

/**
 * Observes a PostgreSQL migration from its own backend: {@code pg_class} (relations and
 * their {@code relfilenode}), {@code pg_attribute} (columns), {@code pg_constraint} and
 * this backend's {@code pg_locks}, read before the migration and again before its
 * transaction ends. Catalog schemas are left out, and so are the history table and its
 * indexes, which the engine itself locks.
 */
final class PostgresSafetyProbe implements SafetyProbe {

	private static final String USER_RELATIONS = "SELECT c.oid::int8, c.relfilenode::int8, c.relkind::text, "
			+ "c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I') AND n.nspname <> 'information_schema' "
			+ "AND n.nspname NOT LIKE 'pg\\_%' AND c.oid::int8 <> ALL (?)";

	private static final String HISTORY_RELATIONS = "SELECT c.oid::int8 FROM pg_class c "
			+ "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
			+ "WHERE c.oid = to_regclass(?) OR i.indrelid = to_regclass(?)";

	private static final String COLUMNS = "SELECT a.attrelid::int8, a.attnum, a.attname::text, a.attnotnull, "
			+ "a.attisdropped FROM pg_attribute a WHERE a.attnum > 0 AND a.attrelid::int8 = ANY (?)";

	private static final String CONSTRAINTS = "SELECT oid::int8 FROM pg_constraint WHERE conrelid::int8 = ANY (?)";

	private static final String LOCKS = "SELECT relation::int8, mode FROM pg_locks "
			+ "WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation::int8 = ANY (?)";

	private static final String VALIDATED = "SELECT conname::text, conrelid::regclass::text, contype::text "
			+ "FROM pg_constraint WHERE convalidated AND contype IN ('f', 'c') AND conrelid::int8 = ANY (?) "
			+ "AND oid::int8 <> ALL (?) ORDER BY conname";

	private static final String NEW_INDEXES = "SELECT indexrelid::regclass::text, indrelid::regclass::text "
			+ "FROM pg_index WHERE indrelid::int8 = ANY (?) AND indexrelid::int8 <> ALL (?) ORDER BY 1";

	private static final String STORAGE = "SELECT oid::int8, relfilenode::int8, oid::regclass::text FROM pg_class "
			+ "WHERE oid::int8 = ANY (?)";

	@Override
	public Before before(Connection connection, String historyTable) throws SQLException {
		Set<Long> history = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(HISTORY_RELATIONS)) {
			statement.setString(1, historyTable);
			statement.setString(2, historyTable);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					history.add(result.getLong(1));
				}
			}
		}
		Map<Long, Relation> relations = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(USER_RELATIONS)) {
			statement.setArray(1, array(connection, history));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					relations.put(result.getLong(1),
							new Relation(result.getLong(2), isTable(result.getString(3)), result.getString(4)));
				}
			}
		}
		Set<Long> tables = tables(relations);
		Map<String, Column> columns = columns(connection, tables);
		columns.values().removeIf(Column::dropped);
		Set<Long> constraints = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(CONSTRAINTS)) {
			statement.setArray(1, array(connection, tables));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					constraints.add(result.getLong(1));
				}
			}
		}
		Set<String> locks = locks(connection, tables, relations);
		return (after) -> observe(after, relations, tables, columns, constraints, locks);
	}

	private SafetyProbe.Observation observe(Connection connection, Map<Long, Relation> relations, Set<Long> tables,
			Map<String, Column> columnsBefore, Set<Long> constraints, Set<String> locksBefore) throws SQLException {
		List<SafetyReport.Lock> locks = new ArrayList<>();
		for (String lock : locks(connection, tables, relations)) {
			if (!locksBefore.contains(lock)) {
				int space = lock.indexOf(' ');
				locks.add(new SafetyReport.Lock(lock.substring(space + 1), lock.substring(0, space)));
			}
		}
		List<String> rewritten = new ArrayList<>();
		List<String> droppedOrRenamed = new ArrayList<>();
		Set<Long> stillThere = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(STORAGE)) {
			statement.setArray(1, array(connection, relations.keySet()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					Relation before = relations.get(result.getLong(1));
					stillThere.add(result.getLong(1));
					String name = result.getString(3);
					if (before.filenode() != 0 && before.filenode() != result.getLong(2)) {
						rewritten.add(((before.table()) ? "table " : "index ") + name);
					}
					if (before.table() && !before.name().equals(name)) {
						droppedOrRenamed.add("renames table " + before.name() + " to " + name);
					}
				}
			}
		}
		for (Map.Entry<Long, Relation> relation : relations.entrySet()) {
			if (relation.getValue().table() && !stillThere.contains(relation.getKey())) {
				droppedOrRenamed.add("drops table " + relation.getValue().name());
			}
		}
		List<String> notNull = new ArrayList<>();
		Map<String, Column> columnsAfter = columns(connection, tables);
		for (Map.Entry<String, Column> entry : columnsBefore.entrySet()) {
			Column before = entry.getValue();
			Column after = columnsAfter.get(entry.getKey());
			String table = relations.get(before.table()).name();
			if (!stillThere.contains(before.table())) {
				continue;
			}
			if (after == null || after.dropped()) {
				droppedOrRenamed.add("drops column " + table + "." + before.name());
			}
			else if (!after.name().equals(before.name())) {
				droppedOrRenamed.add("renames column " + table + "." + before.name() + " to " + after.name());
			}
			else if (after.notNull() && !before.notNull()) {
				notNull.add(table + "." + after.name());
			}
		}
		List<String> validated = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(VALIDATED)) {
			statement.setArray(1, array(connection, tables));
			statement.setArray(2, array(connection, constraints));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					validated.add(((result.getString(3).equals("f")) ? "foreign key " : "check ") + result.getString(1)
							+ " on " + result.getString(2));
				}
			}
		}
		List<String> indexes = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(NEW_INDEXES)) {
			statement.setArray(1, array(connection, tables));
			statement.setArray(2, array(connection, relations.keySet()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					indexes.add(result.getString(1) + " on " + result.getString(2));
				}
			}
		}
		return new SafetyProbe.Observation(locks, rewritten, validated, indexes, notNull, droppedOrRenamed);
	}

	/**
	 * Return this backend's locks on the tables, as {@code mode relation}.
	 */
	private static Set<String> locks(Connection connection, Set<Long> tables, Map<Long, Relation> relations)
			throws SQLException {
		Set<String> locks = new LinkedHashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(LOCKS)) {
			statement.setArray(1, array(connection, tables));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					locks.add(result.getString(2) + " " + relations.get(result.getLong(1)).name());
				}
			}
		}
		return locks;
	}

	private static Map<String, Column> columns(Connection connection, Set<Long> tables) throws SQLException {
		Map<String, Column> columns = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
			statement.setArray(1, array(connection, tables));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					long table = result.getLong(1);
					columns.put(table + ":" + result.getInt(2),
							new Column(table, result.getString(3), result.getBoolean(4), result.getBoolean(5)));
				}
			}
		}
		return columns;
	}

	private static Set<Long> tables(Map<Long, Relation> relations) {
		Set<Long> tables = new HashSet<>();
		relations.forEach((oid, relation) -> {
			if (relation.table()) {
				tables.add(oid);
			}
		});
		return tables;
	}

	private static boolean isTable(String relkind) {
		return relkind.equals("r") || relkind.equals("p") || relkind.equals("m");
	}

	private static Array array(Connection connection, Set<Long> oids) throws SQLException {
		return connection.createArrayOf("int8", oids.toArray(new Long[0]));
	}

	private record Relation(long filenode, boolean table, String name) {
	}

	private record Column(long table, String name, boolean notNull, boolean dropped) {
	}

}
