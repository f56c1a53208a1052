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

package dev.migrations.test.generator;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.engine.SqlMigrationLoader;
import dev.migrations.test.MigrationGenerator;
import dev.migrations.test.MigrationTester;
import dev.migrations.test.RoundTripReport;
import dev.migrations.test.generator.agreeing.EntitiesApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link MigrationGenerator} writes and {@link MigrationTester#checkEntitiesMatch}
 * checks, on each database: the {@code grown} application's entities have two columns, a
 * table, an index and a foreign key that its migration lacks.
 */
abstract class AbstractMigrationGeneratorTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T21:30:12Z"), ZoneOffset.UTC);

	static final String PACKAGE = "dev.migrations.test.generator.generated";

	static final String GENERATED = "V2026_12_04_213012__AddNickname";

	@TempDir
	Path directory;

	/**
	 * Return the JDBC URL of a new empty database of the test's own.
	 * @param name what tells it apart from the test's other databases
	 * @return the URL
	 */
	protected abstract String emptyDatabase(String name);

	@Test
	void generatedJavaMigrationMakesTheEntitiesMatch() throws Exception {
		Path source = generator(dev.migrations.test.generator.grown.EntitiesApplication.class, "generate")
			.writeTo(this.directory.resolve("src"))
			.get(0);
		assertThat(source).hasFileName(GENERATED + ".java");
		assertThat(source).content()
			.contains("package " + PACKAGE + ";")
			.contains("it never drops or renames")
			.contains("class " + GENERATED + " implements Migration")
			.contains("public void down(MigrationContext ctx)");
		List<Migration> migrations = List.of(new V1__CreateAccounts(), compile(source));
		String url = emptyDatabase("apply");
		RoundTripReport report = MigrationTester.of(new DriverManagerDataSource(url), migrations).checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "2026.12.04.213012");
		withEntities(dev.migrations.test.generator.grown.EntitiesApplication.class, url,
				(entities) -> MigrationTester.of(new DriverManagerDataSource(url), migrations)
					.checkEntitiesMatch(entities));
	}

	@Test
	void entitiesAheadOfTheMigrationsFailTheCheckNamingTheColumn() {
		String url = emptyDatabase("behind");
		withEntities(dev.migrations.test.generator.grown.EntitiesApplication.class, url,
				(entities) -> assertThatExceptionOfType(AssertionError.class)
					.isThrownBy(() -> MigrationTester
						.of(new DriverManagerDataSource(url), List.of(new V1__CreateAccounts()))
						.checkEntitiesMatch(entities))
					.withMessageStartingWith("The JPA entities of persistence unit 'default' and the schema the "
							+ "migrations build disagree. To match the entities, Hibernate's schema update would run:")
					.withMessageContaining("accounts add column nickname varchar(50)")
					.withMessageContaining("missing column [nickname] in table [accounts]")
					.withMessageEndingWith("Write a migration that makes the schema match (MigrationGenerator "
							+ "writes one from the entities), or change the entities to match the schema."));
	}

	@Test
	void entitiesThatAgreePassTheCheck() {
		String url = emptyDatabase("agreeing");
		withEntities(EntitiesApplication.class, url, (entities) -> {
			MigrationTester tester = MigrationTester.of(new DriverManagerDataSource(url),
					List.of(new V1__CreateAccounts()));
			tester.checkEntitiesMatch(entities);
			assertThat(tester.checkRoundTrips().checked()).isEmpty();
		});
	}

	@Test
	void entitiesThatAgreeWriteNoFile() throws IOException {
		Path folder = this.directory.resolve("src");
		assertThat(generator(EntitiesApplication.class, "nothing").writeTo(folder)).isEmpty();
		assertThat(folder).doesNotExist();
	}

	/**
	 * Generate an SQL migration from the grown entities, load it as an SQL migration and
	 * check that applying it makes the entities match.
	 */
	void assertSqlMigrationMakesTheEntitiesMatch() throws IOException {
		Path folder = this.directory.resolve("sql");
		List<Path> files = generator(dev.migrations.test.generator.grown.EntitiesApplication.class, "generate-sql")
			.sql()
			.writeTo(folder);
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("V2026_12_04_213012__add_nickname.sql", "V2026_12_04_213012__add_nickname.down.sql");
		List<Migration> migrations = new ArrayList<>();
		migrations.add(new V1__CreateAccounts());
		migrations.addAll(new SqlMigrationLoader(new DefaultResourceLoader()).load("dataSource",
				List.of("filesystem:" + folder), Map.of()));
		String url = emptyDatabase("apply_sql");
		RoundTripReport report = MigrationTester.of(new DriverManagerDataSource(url), migrations).checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "2026.12.04.213012");
		withEntities(dev.migrations.test.generator.grown.EntitiesApplication.class, url,
				(entities) -> MigrationTester.of(new DriverManagerDataSource(url), migrations)
					.checkEntitiesMatch(entities));
	}

	MigrationGenerator generator(Class<?> application, String database) {
		return MigrationGenerator.of(application)
			.packageName(PACKAGE)
			.description("AddNickname")
			.clock(CLOCK)
			.arguments("--spring.datasource.url=" + emptyDatabase(database));
	}

	static void withEntities(Class<?> application, String url, Consumer<EntityManagerFactory> check) {
		try (ConfigurableApplicationContext context = SpringApplication.run(application,
				"--spring.main.web-application-type=none", "--migrations.run-on=manual",
				"--spring.jpa.hibernate.ddl-auto=none", "--spring.datasource.url=" + url)) {
			check.accept(context.getBean(EntityManagerFactory.class));
		}
	}

	Migration compile(Path source) throws Exception {
		Path classes = Files.createDirectories(this.directory.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), source.toString());
		assertThat(status).as("javac exit status").isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader());
		Constructor<?> constructor = loader.loadClass(PACKAGE + "." + GENERATED).getDeclaredConstructor();
		constructor.setAccessible(true);
		return (Migration) constructor.newInstance();
	}

}
