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

package dev.migrations.test.dumpwriter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.test.SchemaDumpWriter;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaDumpWriterTests {

	@TempDir
	Path directory;

	@Test
	void writesTheDumpOfAnEmptyDatabaseAfterReplayingEveryMigration() throws Exception {
		Path output = this.directory.resolve("resources/db/schema.sql");
		SchemaDumpWriter.write(Application.class, output, null,
				"--spring.datasource.url=" + SqliteTestDatabase.in(this.directory).url());
		assertThat(output).content()
			.contains("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);")
			.contains("CREATE INDEX users_name ON users (name);")
			.endsWith("-- Schema at version 2\n");
	}

	@Test
	void mainMigratesATemporarySqliteDatabase() throws Exception {
		Path output = this.directory.resolve("schema.sql");
		SchemaDumpWriter.main(new String[] { Application.class.getName(), output.toString(), "--temporary-sqlite" });
		assertThat(output).content().contains("CREATE TABLE users").endsWith("-- Schema at version 2\n");
	}

	@Test
	void databaseWithTablesIsRefusedAndNoFileIsWritten() {
		SqliteTestDatabase database = SqliteTestDatabase.in(this.directory);
		new JdbcTemplate(new DriverManagerDataSource(database.url())).execute("CREATE TABLE leftover (id int)");
		Path output = this.directory.resolve("schema.sql");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SchemaDumpWriter.write(Application.class, output, null,
					"--spring.datasource.url=" + database.url()))
			.withMessageStartingWith("DataSource 'dataSource' has tables already, but the schema dump must come from "
					+ "replaying every migration on an empty database.");
		assertThat(Files.exists(output)).isFalse();
	}

	// JPA and Spring Data are on this module's test classpath for the slice tests; this
	// application has neither entities nor repositories.
	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
					"org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration" })
	@Import({ V1__CreateUsers.class, V2__IndexUsersByName.class })
	static class Application {

	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
		}

	}

	static class V2__IndexUsersByName implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE INDEX users_name ON users (name)");
		}

	}

}
