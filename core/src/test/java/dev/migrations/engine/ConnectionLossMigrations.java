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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;

/**
 * Migrations and waits for the tests that kill connections mid-run (#22).
 */
final class ConnectionLossMigrations {

	private ConnectionLossMigrations() {
	}

	/**
	 * A migration that writes its change, then runs a statement that sleeps until its
	 * connection is killed.
	 */
	static Migration sleeping(String version, String table, String sleep) {
		return new Migration() {

			@Override
			public String version() {
				return version;
			}

			@Override
			public String description() {
				return "Sleep in " + table;
			}

			@Override
			public void up(MigrationContext context) {
				context.jdbc().execute("CREATE TABLE " + table + " (id int)");
				context.jdbc().execute("INSERT INTO " + table + " VALUES (1)");
				context.jdbc().execute(sleep);
			}

		};
	}

	/**
	 * Wait until a session other than the caller's runs a statement containing the given
	 * text, and return its id.
	 * @param query the query that finds such a session, or returns no row
	 */
	static long awaitSession(JdbcTemplate jdbc, String query) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			Long id = jdbc.query(query, (result) -> result.next() ? result.getLong(1) : null);
			if (id != null) {
				return id;
			}
			sleep(Duration.ofMillis(10));
		}
		throw new IllegalStateException("No session ran the sleeping migration within 30s: " + query);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
