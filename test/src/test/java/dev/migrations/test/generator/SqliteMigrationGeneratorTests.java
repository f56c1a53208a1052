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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.MigrationException;
import dev.migrations.test.MigrationGenerator;
import dev.migrations.test.MigrationTester;
import dev.migrations.test.generator.agreeing.EntitiesApplication;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class SqliteMigrationGeneratorTests extends AbstractMigrationGeneratorTests {

	@Override
	protected String emptyDatabase(String name) {
		return "jdbc:sqlite:" + this.directory.resolve(name + ".db");
	}

	@Test
	void notNullColumnAndForeignKeyAreAddedByATableRebuild() throws Exception {
		Path source = generator(dev.migrations.test.generator.grown.EntitiesApplication.class, "generate")
			.writeTo(this.directory.resolve("src"))
			.get(0);
		assertThat(source).content()
			.contains("\t\tctx.jdbc().execute(\"alter table accounts add column nickname varchar(50)\");\n"
					+ "\t\tctx.alterTable(\"accounts\")\n"
					+ "\t\t\t.addColumn(ColumnDefinition.of(\"score\", \"integer\").notNull())\n\t\t\t.apply();\n")
			.contains("\t\tctx.jdbc().execute(\"create index notes_account_id on notes (account_id)\");\n"
					+ "\t\tctx.alterTable(\"notes\")\n\t\t\t.addForeignKey(ForeignKeyDefinition.of(\"FK")
			.contains("\", \"account_id\", \"accounts\", \"id\"))\n\t\t\t.apply();\n")
			.contains("\t\tctx.jdbc().execute(\"DROP TABLE notes\");\n\t\tctx.alterTable(\"accounts\")\n"
					+ "\t\t\t.dropColumn(\"score\")\n\t\t\t.dropColumn(\"nickname\")\n\t\t\t.apply();\n");
	}

	@Test
	void sqlMigrationLeavesWhatSqliteRefusesAsComments() throws Exception {
		List<Path> files = generator(dev.migrations.test.generator.grown.EntitiesApplication.class, "generate").sql()
			.writeTo(this.directory.resolve("sql"));
		assertThat(files.get(0)).content()
			.contains("-- SQLite refuses this without a table rebuild: generate the Java migration "
					+ "(ctx.alterTable) instead.\n-- alter table accounts add column score integer not null;\n")
			.containsPattern("\n-- alter table notes add constraint FK\\w+ foreign key \\(account_id\\) references "
					+ "accounts \\(id\\);\n");
		assertThat(files.get(1)).content().isEqualTo("DROP TABLE notes;\nALTER TABLE accounts DROP COLUMN nickname;\n");
	}

	@Test
	void mainSaysWhenEntitiesAndMigrationsAgree(CapturedOutput output) throws Exception {
		Path folder = this.directory.resolve("src");
		MigrationGenerator
			.main(new String[] { EntitiesApplication.class.getName(), folder.toString(), "--temporary-sqlite" });
		assertThat(output).contains("The entities and migrations agree: no migration written.");
		assertThat(folder).doesNotExist();
	}

	@Test
	void mainWritesIntoTheNamedPackage(CapturedOutput output) throws Exception {
		Path folder = this.directory.resolve("src");
		MigrationGenerator.main(new String[] { dev.migrations.test.generator.grown.EntitiesApplication.class.getName(),
				folder.toString(), "--package=com.example.migrations", "--description=GrowAccounts",
				"--temporary-sqlite" });
		try (var files = Files.list(folder.resolve("com/example/migrations"))) {
			Path written = files.findFirst().orElseThrow();
			assertThat(written.getFileName().toString()).matches("V\\d{4}_\\d{2}_\\d{2}_\\d{6}__GrowAccounts\\.java");
			assertThat(output).contains("Wrote " + written);
		}
	}

	@Test
	void databaseWithTablesIsRefusedAndNoFileIsWritten() {
		String url = emptyDatabase("used");
		new JdbcTemplate(new DriverManagerDataSource(url)).execute("CREATE TABLE leftover (id int)");
		Path folder = this.directory.resolve("src");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationGenerator.of(EntitiesApplication.class)
				.arguments("--spring.datasource.url=" + url)
				.writeTo(folder))
			.withMessageStartingWith("DataSource 'dataSource' has tables already, but the migration must be "
					+ "generated from replaying every migration on an empty database.");
		assertThat(folder).doesNotExist();
	}

	@Test
	void entityManagerFactoryBuiltWithoutSpringIsComparedByItsMetamodel() throws Exception {
		String url = emptyDatabase("plain");
		Class<?> account = Class.forName("dev.migrations.test.generator.grown.Account");
		try (EntityManagerFactory entities = new HibernatePersistenceConfiguration("plain").managedClass(account)
			.jdbcUrl(url)
			.createEntityManagerFactory()) {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(
						() -> MigrationTester.of(new DriverManagerDataSource(url), List.of(new V1__CreateAccounts()))
							.checkEntitiesMatch(entities))
				.withMessageStartingWith("The JPA entities of persistence unit 'plain' and the schema the migrations "
						+ "build disagree. To match the entities, Hibernate's schema update would run:\n"
						+ "    alter table accounts add column nickname varchar(50)\n"
						+ "    alter table accounts add column score integer not null\n");
		}
	}

	@Test
	void applicationWithoutJpaIsRefused() {
		Path folder = this.directory.resolve("src");
		assertThatIllegalStateException()
			.isThrownBy(() -> MigrationGenerator.of(WithoutJpa.class)
				.arguments("--spring.datasource.url=" + emptyDatabase("without-jpa"))
				.writeTo(folder))
			.withMessage("Application " + WithoutJpa.class.getName() + " has no single EntityManagerFactory bean, "
					+ "so there are no JPA entities to generate a migration from. Add spring-boot-starter-data-jpa "
					+ "and entities, or mark one EntityManagerFactory @Primary.");
		assertThat(folder).doesNotExist();
	}

	@Test
	void descriptionThatIsNoCamelCaseIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> MigrationGenerator.of(EntitiesApplication.class).description("add nickname"))
			.withMessage("'description' must be letters and digits in CamelCase, such as AddNickname, but was "
					+ "'add nickname'");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
					"org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration" })
	@Import(V1__CreateAccounts.class)
	static class WithoutJpa {

	}

}
