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

package dev.migrations.test;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.RepeatableMigration;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationTester}'s round trips, the same on every database; subclasses supply
 * the database.
 */
abstract class AbstractMigrationTesterTests {

	protected HikariDataSource dataSource;

	/**
	 * Return a DataSource on a new, empty database.
	 */
	protected abstract HikariDataSource createDataSource() throws Exception;

	@BeforeEach
	void openDatabase() throws Exception {
		this.dataSource = createDataSource();
	}

	@AfterEach
	void closeDatabase() {
		this.dataSource.close();
	}

	@Test
	void reversibleMigrationsMakeTheRoundTripAndStayApplied() {
		RoundTripReport report = MigrationTester.of(this.dataSource,
				List.of(createUsers(), indexUsersByName("2"),
						TestMigration.of("3", "ALTER TABLE users ADD COLUMN email varchar(100)")
							.withDown("ALTER TABLE users DROP COLUMN email")))
			.checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "2", "3");
		assertThat(report.irreversible()).isEmpty();
		assertThat(upRows()).isEqualTo(3 + 3);
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT count(*) FROM users", Integer.class))
			.isZero();
	}

	@Test
	void downThatForgetsToDropAnIndexFailsNamingTheVersionAndTheIndex() {
		TestMigration leaky = TestMigration
			.of("2", "CREATE INDEX users_name ON users (name)", "CREATE INDEX users_id_name ON users (id, name)")
			.withDown("DROP INDEX users_name");
		MigrationTester tester = MigrationTester.of(this.dataSource, List.of(createUsers(), leaky));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkRoundTrips)
			.withMessageStartingWith("Migration 2: its down left the schema different from before its up. "
					+ "Make down undo every change of up.")
			.withMessageContaining("table users: index users_id_name: only in actual ([id, name])");
	}

	@Test
	void downThatReaddsADroppedColumnLastPasses() {
		TestMigration createPeople = TestMigration
			.of("1", "CREATE TABLE people (id int PRIMARY KEY, nickname varchar(50), email varchar(100))")
			.withDown("DROP TABLE people");
		TestMigration dropNickname = TestMigration.of("2", "ALTER TABLE people DROP COLUMN nickname")
			.withDown("ALTER TABLE people ADD COLUMN nickname varchar(50)");
		RoundTripReport report = MigrationTester.of(this.dataSource, List.of(createPeople, dropNickname))
			.checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "2");
	}

	@Test
	void downThatReaddsADroppedColumnLastFailsWhenColumnOrderIsCompared() {
		TestMigration createPeople = TestMigration
			.of("1", "CREATE TABLE people (id int PRIMARY KEY, nickname varchar(50), email varchar(100))")
			.withDown("DROP TABLE people");
		TestMigration dropNickname = TestMigration.of("2", "ALTER TABLE people DROP COLUMN nickname")
			.withDown("ALTER TABLE people ADD COLUMN nickname varchar(50)");
		MigrationTester tester = MigrationTester.of(this.dataSource, List.of(createPeople, dropNickname))
			.comparingColumnOrder();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkRoundTrips)
			.withMessageStartingWith("Migration 2: its down left the schema different")
			.withMessageContaining(
					"table people: column order expected [id, nickname, email], actual [id, email, nickname]");
	}

	@Test
	void downThatForgetsATableFailsNamingTheTable() {
		TestMigration leaky = TestMigration.of("2", "CREATE TABLE audit (id int)").withDown("SELECT 1");
		MigrationTester tester = MigrationTester.of(this.dataSource, List.of(createUsers(), leaky));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkRoundTrips)
			.withMessageStartingWith("Migration 2:")
			.withMessageContaining("table audit: only in actual");
	}

	@Test
	void failingDownFailsNamingTheVersionAndKeepingTheCause() {
		TestMigration broken = TestMigration.of("2", "CREATE TABLE audit (id int)")
			.withFailingDown("disk on fire", "DROP TABLE audit");
		MigrationTester tester = MigrationTester.of(this.dataSource, List.of(createUsers(), broken));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkRoundTrips)
			.withMessageStartingWith("Migration 2 failed going down: ")
			.withMessageContaining("disk on fire")
			.withCauseInstanceOf(MigrationFailedException.class);
	}

	@Test
	void irreversibleMigrationIsAppliedWithoutRoundTripAndReported() {
		RoundTripReport report = MigrationTester
			.of(this.dataSource,
					List.of(createUsers(), TestMigration.of("2", "CREATE TABLE audit (id int)"), indexUsersByName("3")))
			.checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "3");
		assertThat(report.irreversible()).containsExactly("2");
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT count(*) FROM audit", Integer.class))
			.isZero();
	}

	@Test
	void checkingAfterAVersionSkipsTheOlderMigrations() {
		TestMigration leakyButOld = TestMigration.of("2", "CREATE TABLE audit (id int)").withDown("SELECT 1");
		RoundTripReport report = MigrationTester
			.of(this.dataSource, List.of(createUsers(), leakyButOld, indexUsersByName("3")))
			.checkRoundTripsAfter("2");
		assertThat(report.checked()).containsExactly("3");
		assertThat(leakyButOld.downRuns()).isZero();
	}

	@Test
	void checkingAfterAVersionStillCatchesANewerLeak() {
		TestMigration leaky = TestMigration.of("3", "CREATE INDEX users_name ON users (name)").withDown("SELECT 1");
		MigrationTester tester = MigrationTester.of(this.dataSource,
				List.of(createUsers(), TestMigration.of("2", "CREATE TABLE audit (id int)"), leaky));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> tester.checkRoundTripsAfter("2"))
			.withMessageStartingWith("Migration 3:")
			.withMessageContaining("index users_name: only in actual");
	}

	@Test
	void repeatablesRunAfterTheVersionedRoundTrips() {
		R__UserCount userCount = new R__UserCount();
		RoundTripReport report = MigrationTester
			.of(this.dataSource, List.of(userCount, createUsers(), indexUsersByName("2")))
			.checkRoundTrips();
		assertThat(report.checked()).containsExactly("1", "2");
		assertThat(report.repeatables()).containsExactly("User count");
		assertThat(userCount.runs).isOne();
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT n FROM user_count", Integer.class))
			.isZero();
	}

	@Test
	void failingRepeatableFailsTheCheckNamingIt() {
		RepeatableMigration broken = new R__Broken();
		MigrationTester tester = MigrationTester.of(this.dataSource, List.of(createUsers(), broken));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkRoundTrips)
			.withMessageStartingWith("Applying the repeatable migrations after the versioned ones failed: ")
			.withMessageContaining("Migration 'Broken' (" + R__Broken.class.getName() + ")")
			.withMessageContaining("no such view");
	}

	private static TestMigration createUsers() {
		return TestMigration.of("1", "CREATE TABLE users (id int PRIMARY KEY, name varchar(100) NOT NULL)")
			.withDown("DROP TABLE users");
	}

	private static TestMigration indexUsersByName(String version) {
		return TestMigration.of(version, "CREATE INDEX users_name ON users (name)").withDown("DROP INDEX users_name");
	}

	private int upRows() {
		Integer count = new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'UP'", Integer.class);
		return (count != null) ? count : 0;
	}

	static final class R__UserCount implements RepeatableMigration {

		int runs;

		@Override
		public void up(MigrationContext context) {
			this.runs++;
			context.jdbc().execute("CREATE VIEW user_count AS SELECT count(*) AS n FROM users");
		}

		@Override
		public String checksum() {
			return "1";
		}

	}

	static final class R__Broken implements RepeatableMigration {

		@Override
		public void up(MigrationContext context) {
			throw new IllegalStateException("no such view");
		}

		@Override
		public String checksum() {
			return "1";
		}

	}

}
