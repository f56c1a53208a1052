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

package dev.migrations.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.test.MigrationTester;
import dev.migrations.engine.SqlMigrationLoader;
import dev.migrations.test.RoundTripReport;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README recommends for an application's own tests: every migration makes the
 * up/down round trip (or is known to be irreversible), and the committed schema dump
 * matches the migrations.
 */
class SampleMigrationsTests {

	@TempDir
	Path directory;

	@Test
	void everyReversibleMigrationMakesTheRoundTrip() {
		RoundTripReport report = MigrationTester.of(database("round-trips"), migrations()).checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "2", "3", "4", "5", "7", "8");
		assertThat(report.irreversible()).containsExactly("6");
	}

	@Test
	void schemaDumpMatchesTheMigrations() throws Exception {
		String dump = new ClassPathResource("db/schema.sql").getContentAsString(StandardCharsets.UTF_8);
		MigrationTester.of(database("replayed"), migrations()).checkSchemaDump(database("from-dump"), dump);
	}

	/**
	 * The application's migrations: its beans, and its SQL files loaded as the
	 * application loads them (with the SQLite placeholder values).
	 */
	@Test
	void entitiesMatchTheMigrations() {
		try (ConfigurableApplicationContext context = application()) {
			MigrationTester.of(database("entities"), migrations(context))
				.checkEntitiesMatch(context.getBean(EntityManagerFactory.class));
		}
	}

	private List<Migration> migrations() {
		try (ConfigurableApplicationContext context = application()) {
			return migrations(context);
		}
	}

	private ConfigurableApplicationContext application() {
		return SpringApplication.run(SampleApplication.class, "--spring.main.web-application-type=none",
				"--migrations.run-on=manual", "--sample.database=" + this.directory.resolve("application.db"));
	}

	private static List<Migration> migrations(ConfigurableApplicationContext context) {
		List<Migration> migrations = new ArrayList<>(context.getBeanProvider(Migration.class).orderedStream().toList());
		migrations.addAll(new SqlMigrationLoader(new DefaultResourceLoader()).load("dataSource",
				List.of(SqlMigrationLoader.DEFAULT_LOCATION), Map.of("identity", "integer PRIMARY KEY")));
		return migrations;
	}

	private DataSource database(String name) {
		return new DriverManagerDataSource("jdbc:sqlite:" + this.directory.resolve(name + ".db"));
	}

}
