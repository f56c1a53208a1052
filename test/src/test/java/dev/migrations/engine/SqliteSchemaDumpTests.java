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

import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testsupport.SqliteTestDatabase;

class SqliteSchemaDumpTests extends AbstractSchemaDumpTests {

	@TempDir
	Path directory;

	@Override
	protected HikariDataSource createDataSource(String name) {
		return new SqliteTestDatabase(this.directory.resolve(name + ".db")).dataSource();
	}

	@Override
	protected String[] everyObjectKind() {
		return new String[] {
				"CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL DEFAULT 'anonymous',"
						+ " email TEXT UNIQUE, age INTEGER CONSTRAINT users_age_positive CHECK (age > 0))",
				"CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id)"
						+ " ON DELETE CASCADE, total NUMERIC, updated_at TEXT)",
				"CREATE INDEX orders_user_total ON orders (user_id, total) WHERE total > 0",
				"CREATE VIEW big_orders AS SELECT o.id, u.name FROM orders o JOIN users u ON u.id = o.user_id"
						+ " WHERE o.total > 100",
				"CREATE VIEW a_biggest_orders AS SELECT id, name FROM big_orders WHERE id > 10",
				"CREATE TRIGGER orders_touch AFTER UPDATE ON orders BEGIN"
						+ " UPDATE orders SET updated_at = datetime('now') WHERE id = NEW.id; END" };
	}

	@Override
	protected List<String> expectedDefinitions() {
		return List.of("CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT,", "CREATE TABLE orders (",
				"CREATE INDEX orders_user_total ON orders (user_id, total) WHERE total > 0;",
				"CREATE VIEW a_biggest_orders AS SELECT id, name FROM big_orders WHERE id > 10;",
				"CREATE TRIGGER orders_touch AFTER UPDATE ON orders BEGIN UPDATE orders SET updated_at = "
						+ "datetime('now') WHERE id = NEW.id; END;");
	}

	@Override
	protected String missingTrigger() {
		return "trigger orders_touch";
	}

}
