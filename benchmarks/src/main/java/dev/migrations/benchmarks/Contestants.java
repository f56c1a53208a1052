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

import java.lang.reflect.Constructor;
import java.util.List;

/**
 * The contestants by identifier. Each is created reflectively from its class name so that
 * a child JVM only loads the classes of the one tool it runs.
 */
final class Contestants {

	static final String FLOOR = "FloorContestant:per-migration";

	static final String OURS_JAVA = "OursContestant:java";

	static final String OURS_SQL = "OursContestant:sql";

	static final String OURS_GROUPED = "OursContestant:grouped";

	static final String FLYWAY_SQL = "FlywayContestant:sql";

	static final String FLYWAY_JAVA = "FlywayContestant:java";

	static final String LIQUIBASE_SQL = "LiquibaseContestant:sql";

	/** The peers every row is compared with, in column order. */
	static final List<String> PEERS = List.of(FLYWAY_SQL, FLYWAY_JAVA, LIQUIBASE_SQL);

	private Contestants() {
	}

	/**
	 * Create a contestant.
	 * @param id {@code ClassName:variant}
	 * @return the contestant
	 */
	static Contestant create(String id) {
		int colon = id.indexOf(':');
		String type = Contestants.class.getPackageName() + "." + id.substring(0, colon);
		try {
			Constructor<?> constructor = Class.forName(type).getDeclaredConstructor(String.class);
			return (Contestant) constructor.newInstance(id.substring(colon + 1));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create contestant " + id + ": " + ex, ex);
		}
	}

	static String label(String id) {
		return switch (id) {
			case FLOOR -> "floor (JDBC)";
			case OURS_JAVA -> "ours, Java";
			case OURS_SQL -> "ours, SQL";
			case OURS_GROUPED -> "ours, Java, group=true";
			case FLYWAY_SQL -> "Flyway SQL";
			case FLYWAY_JAVA -> "Flyway Java";
			case LIQUIBASE_SQL -> "Liquibase SQL";
			default -> id;
		};
	}

}
