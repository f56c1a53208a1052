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

package dev.migrations;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One versioned change to a database schema, written as a Spring bean.
 * <p>
 * Name the class {@code V<version>__<Description>} (for example
 * {@code V3__AddAdminFlagToUsers} or {@code V2026_11_21_1030__CreateUsers}) and only
 * {@link #up(MigrationContext)} needs writing; everything else has a default.
 *
 * @since 0.1.0
 */
public interface Migration {

	/**
	 * Return the version of this migration: by default derived from the class name
	 * {@code V<version>__<Description>}, where the version is digits separated by
	 * {@code _} ({@code V2_1__X} is {@code 2.1}). Versions compare numerically segment by
	 * segment, so {@code 1.10} comes after {@code 1.9} and {@code 1} equals {@code 1.0}.
	 * @return the version, digits separated by dots
	 * @throws MigrationException if the class is not named
	 * {@code V<version>__<Description>} and does not override this method
	 */
	default String version() {
		return MigrationName.versionOf(this);
	}

	/**
	 * Return a human readable description: by default the class name after {@code __},
	 * split into words ({@code AddAdminFlagToUsers} becomes
	 * {@code Add admin flag to users}).
	 * @return the description
	 */
	default String description() {
		return MigrationName.of(this).description();
	}

	/**
	 * Apply the change. Runs inside the migration's own transaction unless
	 * {@link #transactional()} is {@code false}.
	 * @param context the connection, a {@code JdbcTemplate} bound to it and schema tools
	 * @throws Exception any failure: the transaction rolls back and the attempt is
	 * recorded
	 */
	void up(MigrationContext context) throws Exception;

	/**
	 * Reverse the change made by {@link #up(MigrationContext)}. By default a migration is
	 * irreversible and this method throws {@link IrreversibleMigrationException}.
	 * @param context the connection, a {@code JdbcTemplate} bound to it and schema tools
	 * @throws Exception any failure: the transaction rolls back and the attempt is
	 * recorded
	 */
	default void down(MigrationContext context) throws Exception {
		throw new IrreversibleMigrationException(this);
	}

	/**
	 * Return whether {@link #down(MigrationContext)} can reverse this migration. By
	 * default, whether a class other than {@code Migration} declares {@code down}.
	 * @return whether the migration is reversible
	 */
	default boolean reversible() {
		return MigrationName.declaresDown(this);
	}

	/**
	 * Return whether the migration runs in a transaction together with its history row.
	 * Return {@code false} for statements that cannot run in a transaction, such as
	 * PostgreSQL's {@code CREATE INDEX CONCURRENTLY}.
	 * @return {@code true} by default
	 */
	default boolean transactional() {
		return true;
	}

	/**
	 * Return the bean name of the {@code DataSource} this migration belongs to.
	 * @return the bean name, or {@code null} (the default) for the primary DataSource
	 */
	default @Nullable String dataSource() {
		return null;
	}

	/**
	 * Return a checksum of the migration's content. When it changes for an applied
	 * version, validation fails.
	 * @return the checksum, or {@code null} (the default) for none
	 */
	default @Nullable String checksum() {
		return null;
	}

	/**
	 * Return how long each statement of this migration may wait for a lock, overriding
	 * {@code migrations.postgresql.lock-timeout} for this migration alone: longer for a
	 * change that must wait its turn on a busy table, {@link Duration#ZERO} for no limit.
	 * @return the lock timeout, or {@code null} (the default) for the configured one
	 * @since 0.3.0
	 */
	default @Nullable Duration lockTimeout() {
		return null;
	}

}
