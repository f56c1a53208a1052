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

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqlMigrationLoader}: finding, naming and pairing SQL files.
 */
class SqlMigrationLoaderTests {

	private final SqlMigrationLoader loader = new SqlMigrationLoader(new DefaultResourceLoader());

	@TempDir
	Path directory;

	@Test
	void loadsClasspathLocationWithSubfoldersAndPairsDownScripts() {
		List<SqlFileMigration> migrations = load("classpath:sql-migrations/loader");
		assertThat(migrations).extracting(SqlFileMigration::source)
			.containsExactly("classpath:sql-migrations/loader/V1__create_users.sql",
					"classpath:sql-migrations/loader/nested/V3_1__add_email.sql");
		SqlFileMigration first = migrations.get(0);
		assertThat(first.version()).isEqualTo("1");
		assertThat(first.description()).isEqualTo("create users");
		assertThat(first.kind()).isEqualTo(MigrationKind.SQL);
		assertThat(first.reversible()).isTrue();
		assertThat(first.transactional()).isTrue();
		assertThat(first.checksum()).matches("[0-9a-f]{8}");
		assertThat(first.downScript().statements()).containsExactly(new SqlStatement("DROP TABLE users", 1));
		assertThat(migrations.get(1).version()).isEqualTo("3.1");
		assertThat(migrations.get(1).reversible()).isFalse();
	}

	@Test
	void loadsFilesystemLocation() throws IOException {
		Files.writeString(this.directory.resolve("V7__seed.sql"),
				"INSERT INTO t VALUES (1);\r\nINSERT INTO t VALUES (2);");
		List<SqlFileMigration> migrations = load("filesystem:" + this.directory);
		assertThat(migrations).singleElement().satisfies((migration) -> {
			assertThat(migration.source()).isEqualTo("filesystem:" + this.directory + "/V7__seed.sql");
			assertThat(migration.upScript().statements()).extracting(SqlStatement::line).containsExactly(1, 2);
		});
	}

	@Test
	void skipsHiddenFilesAndFoldersSoAConfigMapMountCountsEachFileOnce() throws IOException {
		// How Kubernetes mounts a ConfigMap: the files are links into a timestamped
		// hidden
		// folder, reached through the hidden link ..data.
		Path timestamped = Files.createDirectory(this.directory.resolve("..2026_12_02_06_00_00.1"));
		Files.writeString(timestamped.resolve("V1__create.sql"), "CREATE TABLE t (id int);");
		Files.createSymbolicLink(this.directory.resolve("..data"), timestamped.getFileName());
		Files.createSymbolicLink(this.directory.resolve("V1__create.sql"), Path.of("..data", "V1__create.sql"));
		Files.writeString(this.directory.resolve(".V2__editor_backup.sql"), "not a migration");
		List<SqlFileMigration> migrations = load("filesystem:" + this.directory);
		assertThat(migrations).singleElement().satisfies((migration) -> {
			assertThat(migration.source()).isEqualTo("filesystem:" + this.directory + "/V1__create.sql");
			assertThat(migration.upScript().statements()).extracting(SqlStatement::sql)
				.containsExactly("CREATE TABLE t (id int)");
		});
	}

	@Test
	void loadsClasspathLocationInJar() throws IOException {
		Path jar = this.directory.resolve("app.jar");
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String entry : List.of("db/", "db/sql/", "db/sql/V5__from_jar.sql", "db/sql/V5__from_jar.down.sql")) {
				output.putNextEntry(new JarEntry(entry));
				if (!entry.endsWith("/")) {
					output.write("SELECT 5;".getBytes(StandardCharsets.UTF_8));
				}
				output.closeEntry();
			}
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<Migration> migrations = new SqlMigrationLoader(new DefaultResourceLoader(classLoader))
				.load("dataSource", List.of("classpath:db/sql"), Map.of());
			assertThat(migrations).singleElement().satisfies((migration) -> {
				assertThat(((SqlFileMigration) migration).source()).isEqualTo("classpath:db/sql/V5__from_jar.sql");
				assertThat(migration.reversible()).isTrue();
			});
		}
	}

	@Test
	void loadsSeveralLocations() throws IOException {
		Files.writeString(this.directory.resolve("V9__more.sql"), "SELECT 1;");
		assertThat(load("classpath:sql-migrations/loader", "filesystem:" + this.directory))
			.extracting(Migration::version)
			.containsExactlyInAnyOrder("1", "3.1", "9");
	}

	@Test
	void toleratesMissingDefaultLocation() {
		assertThat(this.loader.load("dataSource", List.of(SqlMigrationLoader.DEFAULT_LOCATION), Map.of())).isEmpty();
	}

	@Test
	void rejectsMissingConfiguredLocation() {
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> load("classpath:sql-migrations/nowhere", "filesystem:" + this.directory.resolve("gone")))
			.withMessageContaining("Migrations for DataSource 'dataSource' failed validation")
			.withMessageContaining(
					"Migration location 'classpath:sql-migrations/nowhere' (migrations.locations) does not exist")
			.withMessageContaining("Migration location 'filesystem:" + this.directory.resolve("gone") + "'")
			.withMessageContaining("Create it, or correct or remove the location.");
	}

	@Test
	void reportsEveryBadNameAtOnce() {
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> load("classpath:sql-migrations/bad-names"))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3))
			.withMessageContaining("classpath:sql-migrations/bad-names/V1_missing_separator.sql has no __ between "
					+ "version and description. Rename it to V<version>__<description>.sql")
			.withMessageContaining("classpath:sql-migrations/bad-names/Vx__bad_version.sql has version 'x'")
			.withMessageContaining("classpath:sql-migrations/bad-names/V2__wrong_extension.txt does not end in .sql. "
					+ "Rename it to V2__wrong_extension.sql");
	}

	@Test
	void rejectsDownScriptWithoutUpScript() {
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> load("classpath:sql-migrations/orphan-down"))
			.withMessageContaining("classpath:sql-migrations/orphan-down/V2__create_orders.down.sql is a down script "
					+ "without an up script classpath:sql-migrations/orphan-down/V2__create_orders.sql");
	}

	@Test
	void rejectsDownScriptWithDifferentTransactionDirective() throws IOException {
		Files.writeString(this.directory.resolve("V1__index.sql"),
				"-- migrations: transactional=false\nCREATE INDEX CONCURRENTLY i ON t (a);");
		Files.writeString(this.directory.resolve("V1__index.down.sql"), "DROP INDEX i;");
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> load("filesystem:" + this.directory))
			.withMessageContaining("V1__index.down.sql runs in a transaction but its up script")
			.withMessageContaining("Give both the same first line");
	}

	@Test
	void reportsUnknownPlaceholderWhenPlaceholdersAreConfigured() throws IOException {
		Files.writeString(this.directory.resolve("V1__grant.sql"), "GRANT SELECT ON t TO ${reader};");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(
				() -> this.loader.load("dataSource", List.of("filesystem:" + this.directory), Map.of("schema", "app")))
			.withMessageContaining("V1__grant.sql uses placeholder ${reader} at line 1");
	}

	@Test
	void reportsDuplicateVersionAcrossJavaAndSqlNamingBoth(@TempDir Path databaseDirectory) throws IOException {
		Files.writeString(this.directory.resolve("V1__create_users.sql"), "CREATE TABLE users (id int);");
		List<Migration> migrations = new ArrayList<>(
				this.loader.load("dataSource", List.of("filesystem:" + this.directory), Map.of()));
		migrations.add(new V1__CreateUsers());
		try (HikariDataSource dataSource = SqliteTestDatabase.in(databaseDirectory).dataSource()) {
			assertThatExceptionOfType(MigrationValidationException.class)
				.isThrownBy(() -> Migrator.create(dataSource, migrations, MigratorSettings.defaults("dataSource")))
				.withMessageContaining("Versions must be unique, but 1 is declared by")
				.withMessageContaining("filesystem:" + this.directory + "/V1__create_users.sql")
				.withMessageContaining(V1__CreateUsers.class.getName());
		}
	}

	private List<SqlFileMigration> load(String... locations) {
		return this.loader.load("dataSource", List.of(locations), Map.of())
			.stream()
			.map(SqlFileMigration.class::cast)
			.sorted(Comparator.comparing((migration) -> Version.parse(migration.version())))
			.toList();
	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id int)");
		}

	}

}
