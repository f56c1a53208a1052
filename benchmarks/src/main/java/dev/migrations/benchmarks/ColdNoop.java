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

package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.commons.logging.LogFactory;
import org.slf4j.LoggerFactory;

/**
 * The no-op in a fresh JVM: one contestant's start-up check on an up-to-date database,
 * what the tool adds to an application's start (class loading included). Run by the
 * harness in a child JVM whose classpath holds only that tool and the JDBC drivers. The
 * clock starts after the application's own first connection and query, which every
 * application pays with or without a migration tool (the Boot scenario's "plus one query"
 * variant measures it): loading the driver and opening the first connection take a few
 * hundred ms in a cold JVM and would otherwise hide the tools' own cost.
 */
public final class ColdNoop {

	private ColdNoop() {
	}

	/**
	 * Run one cold no-op.
	 * @param args contestant id, JDBC URL, user, workload directory, size
	 * @throws Exception on any failure
	 */
	public static void main(String[] args) throws Exception {
		// Tools log at WARN, as in the harness JVM, and the logging APIs they use are set
		// up before the clock starts: an application has its logging running before any
		// tool runs, so a cold JVM's one-off logging bootstrap is no tool's cost.
		Logger.getLogger("").setLevel(Level.WARNING);
		if (isPresent("org.apache.commons.logging.LogFactory")) {
			LogFactory.getLog(ColdNoop.class).debug("logging is up");
		}
		if (isPresent("org.slf4j.LoggerFactory")) {
			LoggerFactory.getLogger(ColdNoop.class).debug("logging is up");
		}
		PlainDataSource dataSource = new PlainDataSource(args[1], args[2]);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
		}
		long start = System.nanoTime();
		Contestant contestant = Contestants.create(args[0]);
		contestant.migrate(dataSource, new Workload(Integer.parseInt(args[4]), Path.of(args[3])));
		long elapsed = System.nanoTime() - start;
		System.out.println(ChildJvm.ELAPSED + elapsed);
	}

	/** Whether this contestant's classpath has a class, without initializing it. */
	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, ColdNoop.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
