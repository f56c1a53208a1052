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
import java.nio.file.Path;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseStatus;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationInfo;
import dev.migrations.Migrator;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DeferredMigrationBean} and
 * {@link DeferredMigrationBeansPostProcessor}: a start-up with nothing pending creates no
 * migration bean whose class name says all it needs, and a pending one is created,
 * applied and recorded under its own class.
 */
class DeferredMigrationBeanTests {

	@TempDir
	Path directory;

	private ApplicationContextRunner runner(String runOn) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
			.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties())
			.withPropertyValues("migrations.run-on=" + runOn)
			.withUserConfiguration(DeferrableConfiguration.class);
	}

	@Test
	void pendingMigrationIsCreatedAppliedAndRecordedUnderItsOwnClass() {
		runner("startup").run((context) -> {
			assertThat(created(context, "createUsers")).isTrue();
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("SELECT count(*) FROM users", Integer.class)).isZero();
			assertThat(jdbc.queryForObject("SELECT source FROM schema_migrations WHERE version = '1'", String.class))
				.isEqualTo(V1__CreateUsers.class.getName());
		});
	}

	@Test
	void startUpWithNothingPendingCreatesNoDeferrableMigration() {
		runner("startup").run((context) -> assertThat(context).hasNotFailed());
		runner("startup").run((context) -> {
			assertThat(created(context, "createUsers")).isFalse();
			assertThat(created(context, "withChecksum")).isTrue();
			// a status shows descriptions, which the bean gives
			assertThat(context.getBean(Migrator.class).status().currentVersion()).isEqualTo("2");
			assertThat(created(context, "createUsers")).isTrue();
		});
	}

	@Test
	void statusShowsWhatTheDeferredBeanSays() {
		runner("manual").run((context) -> {
			assertThat(created(context, "createUsers")).isFalse();
			DatabaseStatus status = context.getBean(Migrator.class).status();
			MigrationInfo first = status.migrations().get(0);
			assertThat(first.version()).isEqualTo("1");
			assertThat(first.description()).isEqualTo("Create users");
			assertThat(first.source()).isEqualTo(V1__CreateUsers.class.getName());
			assertThat(first.reversible()).isTrue();
		});
	}

	@Test
	void beanWhoseLazinessIsDecidedIsLeftAsItIs() {
		runner("manual").withUserConfiguration(EagerConfiguration.class)
			.run((context) -> assertThat(created(context, "addEmail")).isTrue());
	}

	@Test
	void beanThatIsNoAutowireCandidateIsNoMigration() {
		runner("manual").withUserConfiguration(HiddenConfiguration.class).run((context) -> {
			assertThat(context.getBean(Migrator.class).status().migrations()).extracting(MigrationInfo::version)
				.containsExactly("1", "2");
		});
	}

	@Test
	void onlyConcreteClassesKeepingTheDefaultsAreDeferrable() throws IOException {
		assertDeferrable(V1__CreateUsers.class, "1");
		assertDeferrable(V2__WithChecksum.class, null);
		assertDeferrable(V4__OnOtherDataSource.class, null);
		assertDeferrable(V5__OwnVersion.class, null);
		assertDeferrable(V6__Subclass.class, "6");
		assertDeferrable(V7__VersionFromInterface.class, null);
		assertDeferrable(Migration.class, null);
		assertDeferrable(AbstractMigration.class, null);
		assertDeferrable(Misnamed.class, null);
		assertDeferrable(String.class, null);
	}

	@Test
	void thePostProcessorsAnswerIsTakenAsGiven() {
		RootBeanDefinition definition = new RootBeanDefinition(V1__CreateUsers.class);
		definition.setAttribute(DeferredMigrationBean.VERSION_ATTRIBUTE, "");
		assertThat(DeferredMigrationBean.deferrableVersion(definition, V1__CreateUsers.class)).isNull();
		definition.setAttribute(DeferredMigrationBean.VERSION_ATTRIBUTE, "1");
		assertThat(DeferredMigrationBean.deferrableVersion(definition, V1__CreateUsers.class)).isEqualTo("1");
	}

	/**
	 * The class alone and the metadata that component scanning reads give the same
	 * answer.
	 */
	private static void assertDeferrable(Class<?> type, @Nullable String version) throws IOException {
		assertThat(DeferredMigrationBean.deferrableVersion(null, type)).as(type.getName()).isEqualTo(version);
		ScannedGenericBeanDefinition scanned = new ScannedGenericBeanDefinition(
				new SimpleMetadataReaderFactory().getMetadataReader(type.getName()));
		assertThat(DeferredMigrationBean.deferrableVersion(scanned, type)).as("scanned " + type.getName())
			.isEqualTo(version);
	}

	@Test
	void misnamedMigrationStillFailsTheStartNamingItsClass() {
		runner("manual").withUserConfiguration(MisnamedConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(Misnamed.class.getName())
				.hasMessageContaining("is not named V<version>__<Description>");
		});
	}

	@Test
	void failureToCreateADeferredBeanFailsItsMigration() {
		runner("manual").withUserConfiguration(BrokenConfiguration.class).run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
				.withMessageContaining(V3__Broken.class.getName())
				.withStackTraceContaining("no table without a name");
			assertThat(migrator.status().currentVersion()).isEqualTo("2");
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject(
					"SELECT error FROM schema_migrations WHERE version = '3' AND success = false", String.class))
				.contains("no table without a name");
		});
	}

	private static boolean created(ConfigurableApplicationContext context, String beanName) {
		return context.getBeanFactory().containsSingleton(beanName);
	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY)");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("DROP TABLE users");
		}

	}

	static class V2__WithChecksum implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String checksum() {
			return "c1";
		}

	}

	static class V3__AddEmail implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users ADD COLUMN email varchar(100)");
		}

	}

	static class V3__Broken implements Migration {

		V3__Broken() {
			throw new IllegalStateException("no table without a name");
		}

		@Override
		public void up(MigrationContext context) {
		}

	}

	static class V4__OnOtherDataSource implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String dataSource() {
			return "other";
		}

	}

	static class V5__OwnVersion implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String version() {
			return "5";
		}

	}

	static class V6__Subclass extends V1__CreateUsers {

	}

	interface VersionedByConstant extends Migration {

		@Override
		default String version() {
			return "7";
		}

	}

	static class V7__VersionFromInterface implements VersionedByConstant {

		@Override
		public void up(MigrationContext context) {
		}

	}

	abstract static class AbstractMigration implements Migration {

	}

	static class Misnamed implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeferrableConfiguration {

		@Bean
		V1__CreateUsers createUsers() {
			return new V1__CreateUsers();
		}

		@Bean
		V2__WithChecksum withChecksum() {
			return new V2__WithChecksum();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EagerConfiguration {

		@Bean
		@Lazy(false)
		V3__AddEmail addEmail() {
			return new V3__AddEmail();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HiddenConfiguration {

		@Bean(autowireCandidate = false)
		V3__AddEmail hidden() {
			return new V3__AddEmail();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenConfiguration {

		@Bean
		V3__Broken broken() {
			return new V3__Broken();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MisnamedConfiguration {

		@Bean
		Misnamed misnamed() {
			return new Misnamed();
		}

	}

}
