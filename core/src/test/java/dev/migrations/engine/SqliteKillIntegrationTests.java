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
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testsupport.SqliteTestDatabase;

/**
 * kill -9 at random moments on SQLite: transactional DDL, and the file lock beside the
 * database is released by the operating system the moment the process dies, so the lock
 * is taken without waiting after every kill.
 */
class SqliteKillIntegrationTests extends AbstractKillIntegrationTests {

	@TempDir
	Path directory;

	private SqliteTestDatabase database;

	@Override
	protected HikariDataSource createDataSource() {
		this.database = SqliteTestDatabase.in(this.directory);
		return this.database.dataSource();
	}

	@Override
	protected String url() {
		return this.database.url();
	}

	@Override
	protected List<String> tables() {
		return this.jdbc.queryForList("SELECT lower(name) FROM sqlite_master WHERE type = 'table'", String.class);
	}

	@Override
	protected Duration lockReleaseGrace() {
		return Duration.ZERO;
	}

}
