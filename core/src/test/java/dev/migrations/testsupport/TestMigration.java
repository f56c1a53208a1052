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

package dev.migrations.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;

/**
 * A migration built in a test: a version, SQL to run up (and optionally down), an
 * optional failure, and a count of how often {@code up} ran.
 */
public final class TestMigration implements Migration {

	private final String version;

	private final String[] upSql;

	private final @Nullable String failure;

	private final boolean transactional;

	private final @Nullable String checksum;

	private final String @Nullable [] downSql;

	private final @Nullable String downFailure;

	private final AtomicInteger runs = new AtomicInteger();

	private final AtomicInteger downRuns = new AtomicInteger();

	private TestMigration(String version, String[] upSql, @Nullable String failure, boolean transactional,
			@Nullable String checksum) {
		this(version, upSql, failure, transactional, checksum, null, null);
	}

	private TestMigration(String version, String[] upSql, @Nullable String failure, boolean transactional,
			@Nullable String checksum, String @Nullable [] downSql, @Nullable String downFailure) {
		this.version = version;
		this.upSql = upSql;
		this.failure = failure;
		this.transactional = transactional;
		this.checksum = checksum;
		this.downSql = downSql;
		this.downFailure = downFailure;
	}

	/**
	 * A migration that runs the given statements.
	 * @param version the version
	 * @param sql the statements
	 * @return the migration
	 */
	public static TestMigration of(String version, String... sql) {
		return new TestMigration(version, sql, null, true, null);
	}

	/**
	 * A migration that runs the given statements, then throws.
	 * @param version the version
	 * @param failure the message of the exception it throws
	 * @param sql the statements
	 * @return the migration
	 */
	public static TestMigration failing(String version, String failure, String... sql) {
		return new TestMigration(version, sql, failure, true, null);
	}

	/**
	 * Return a copy that runs outside a transaction.
	 * @return the migration
	 */
	public TestMigration nonTransactional() {
		return new TestMigration(this.version, this.upSql, this.failure, false, this.checksum, this.downSql,
				this.downFailure);
	}

	/**
	 * Return a copy that declares a checksum.
	 * @param checksum the checksum
	 * @return the migration
	 */
	public TestMigration withChecksum(String checksum) {
		return new TestMigration(this.version, this.upSql, this.failure, this.transactional, checksum, this.downSql,
				this.downFailure);
	}

	/**
	 * Return a copy that is reversible: its {@code down} runs the given statements.
	 * @param sql the statements that reverse the migration
	 * @return the migration
	 */
	public TestMigration withDown(String... sql) {
		return new TestMigration(this.version, this.upSql, this.failure, this.transactional, this.checksum, sql, null);
	}

	/**
	 * Return a copy whose {@code down} runs the given statements, then throws.
	 * @param failure the message of the exception {@code down} throws
	 * @param sql the statements
	 * @return the migration
	 */
	public TestMigration withFailingDown(String failure, String... sql) {
		return new TestMigration(this.version, this.upSql, this.failure, this.transactional, this.checksum, sql,
				failure);
	}

	/**
	 * Return how often {@code down} ran.
	 * @return the count
	 */
	public int downRuns() {
		return this.downRuns.get();
	}

	/**
	 * Return how often {@code up} ran.
	 * @return the count
	 */
	public int runs() {
		return this.runs.get();
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public String description() {
		return "Test migration " + this.version;
	}

	@Override
	public void up(MigrationContext context) {
		this.runs.incrementAndGet();
		for (String sql : this.upSql) {
			context.jdbc().execute(sql);
		}
		if (this.failure != null) {
			throw new IllegalStateException(this.failure);
		}
	}

	@Override
	public void down(MigrationContext context) {
		String[] sql = this.downSql;
		if (sql == null) {
			throw new IrreversibleMigrationException(this);
		}
		this.downRuns.incrementAndGet();
		for (String statement : sql) {
			context.jdbc().execute(statement);
		}
		if (this.downFailure != null) {
			throw new IllegalStateException(this.downFailure);
		}
	}

	@Override
	public boolean reversible() {
		return this.downSql != null;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	@Override
	public @Nullable String checksum() {
		return this.checksum;
	}

	@Override
	public String toString() {
		return "TestMigration " + this.version;
	}

}
