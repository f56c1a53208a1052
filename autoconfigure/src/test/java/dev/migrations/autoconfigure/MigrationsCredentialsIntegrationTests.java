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

package dev.migrations.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.testsupport.PostgresRoles;
import dev.migrations.testsupport.PostgresTestDatabase;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application runs as a user that may read and write rows but create nothing; the
 * migrations connect as the schema owner through {@code migrations.user} and
 * {@code migrations.password}, on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsCredentialsIntegrationTests {

	private PostgresRoles roles;

	private JdbcTemplate admin;

	@BeforeEach
	void createRoles() {
		PostgresTestDatabase database = PostgresTestDatabase.create(MigrationsCredentialsIntegrationTests.class);
		this.roles = PostgresRoles.create(database);
		this.admin = new JdbcTemplate(new DriverManagerDataSource(database.url()));
	}

	@AfterEach
	void dropRoles() {
		this.roles.close();
	}

	@Test
	void migrationsUserAppliesWhatTheApplicationUserMayNot() {
		try (ConfigurableApplicationContext context = start(ownerCredentials())) {
			assertThat(this.admin.queryForList("SELECT DISTINCT installed_by FROM schema_migrations", String.class))
				.containsExactly(this.roles.owner());
			assertThat(this.admin.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'users'",
					String.class))
				.isEqualTo(this.roles.owner());
			JdbcTemplate application = context.getBean(JdbcTemplate.class);
			assertThat(application.queryForObject("SELECT current_user", String.class)).isEqualTo(this.roles.app());
			application.update("INSERT INTO users (id) VALUES (1)");
			assertThatExceptionOfType(BadSqlGrammarException.class)
				.isThrownBy(() -> application.execute("CREATE TABLE sneaky (id int)"))
				.havingRootCause()
				.withMessageContaining("permission denied for schema public");
		}
	}

	@Test
	void withoutMigrationsUserTheStartFailsWithAPermissionError() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> start())
			.withMessageStartingWith("Migrating DataSource 'dataSource' failed: ")
			.withMessageContaining("permission denied for schema public")
			.withMessageContaining("[SQL state 42501]")
			.withMessageEndingWith("The database user lacks a privilege the migrations need: grant it, or let the "
					+ "migrations connect as a user that owns the schema (migrations.user and migrations.password).");
		assertThat(
				this.admin.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Integer.class))
			.isZero();
	}

	@Test
	void passwordsAppearInNoLogAndNoEndpoint(CapturedOutput output) throws Exception {
		String[] web = { "spring.main.web-application-type=servlet", "server.port=0",
				"management.endpoints.web.exposure.include=migrations,configprops,env,health",
				"management.endpoint.health.show-details=always", "logging.level.dev.migrations=DEBUG" };
		try (ConfigurableApplicationContext context = start(concat(ownerCredentials(), web))) {
			String port = context.getEnvironment().getProperty("local.server.port");
			StringBuilder answers = new StringBuilder();
			for (String path : List.of("migrations", "migrations/dataSource", "configprops", "env", "health")) {
				answers.append(get("http://127.0.0.1:" + port + "/actuator/" + path));
			}
			assertThat(answers).contains("\"installedBy\":\"" + this.roles.owner() + "\"");
			assertThat(List.of(answers.toString(), output.toString()))
				.allSatisfy((text) -> assertThat(text).doesNotContain(this.roles.password(this.roles.owner()))
					.doesNotContain(this.roles.password(this.roles.app())));
		}
	}

	@Test
	void migrationsUrlAloneMayCarryTheCredentials(CapturedOutput output) {
		String url = this.roles.url() + "?user=" + this.roles.owner() + "&password="
				+ this.roles.password(this.roles.owner());
		try (ConfigurableApplicationContext context = start("migrations.url=" + url)) {
			assertThat(this.admin.queryForList("SELECT DISTINCT installed_by FROM schema_migrations", String.class))
				.containsExactly(this.roles.owner());
		}
		assertThat(output.toString()).doesNotContain(this.roles.password(this.roles.owner()));
	}

	@Test
	void initSqlsOfThePrimaryDataSourceSetTheRoleOfTheMigrationsUser() {
		try (ConfigurableApplicationContext context = start("migrations.user=" + this.roles.deployer(),
				"migrations.password=" + this.roles.password(this.roles.deployer()),
				"migrations.data-sources.dataSource.init-sqls[0]=SET ROLE " + this.roles.owner())) {
			assertThat(this.admin.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'users'",
					String.class))
				.isEqualTo(this.roles.owner());
			assertThat(this.admin.queryForList("SELECT DISTINCT installed_by FROM schema_migrations", String.class))
				.containsExactly(this.roles.deployer());
		}
	}

	private String[] ownerCredentials() {
		return new String[] { "migrations.user=" + this.roles.owner(),
				"migrations.password=" + this.roles.password(this.roles.owner()) };
	}

	private ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class, V1__CreateUsers.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.roles.url(), "spring.datasource.username=" + this.roles.app(),
					"spring.datasource.password=" + this.roles.password(this.roles.app()),
					"spring.datasource.hikari.maximum-pool-size=2")
			.properties(properties)
			.run();
	}

	private static String get(String uri) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri).isEqualTo(200);
		return response.body();
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = new String[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY)");
			context.jdbc().execute("GRANT SELECT, INSERT ON users TO PUBLIC");
		}

	}

}
