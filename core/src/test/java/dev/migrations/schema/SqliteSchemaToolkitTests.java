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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseKind;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema toolkit on SQLite, where most changes rebuild the table.
 */
class SqliteSchemaToolkitTests extends SchemaToolkitTestCases {

	@TempDir
	Path directory;

	@Override
	Connection open() throws SQLException {
		return SqliteTestDatabase.in(this.directory).connect();
	}

	@Override
	DatabaseKind kind() {
		return DatabaseKind.SQLITE;
	}

	@Override
	void prepareExpectedSchema(JdbcTemplate jdbc) {
		jdbc.execute("ATTACH DATABASE '" + this.directory.resolve("expected.db") + "' AS expected");
	}

	@Override
	void createTrigger() {
		this.jdbc.execute("CREATE TRIGGER users_audit AFTER INSERT ON users"
				+ " BEGIN INSERT INTO audit (id, note) VALUES (NEW.id, NEW.name); END");
	}

	@Override
	String series(int count) {
		return "(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < " + count
				+ ") SELECT n FROM s)";
	}

}
