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

import javax.sql.DataSource;

/**
 * One tool under test. A call brings the database to the workload's latest version and is
 * timed whole: building the tool's objects, locking, reading the history, validating and
 * applying what is pending. On an up-to-date database the same call is the start-up check
 * an application pays.
 */
interface Contestant {

	/**
	 * Return the identifier that recreates this contestant in a child JVM.
	 * @return {@code ClassName:variant}
	 */
	String id();

	/**
	 * Return the name shown in the results.
	 * @return the label
	 */
	String label();

	/**
	 * Migrate the database to the workload's latest version.
	 * @param dataSource the database
	 * @param workload the migrations
	 * @throws Exception on any failure
	 */
	void migrate(DataSource dataSource, Workload workload) throws Exception;

	/**
	 * Bring an empty database to the latest version as fast as the tool allows, untimed:
	 * the set-up of the large no-op scenario.
	 * @param dataSource the database
	 * @param workload the migrations
	 * @throws Exception on any failure
	 */
	default void setUp(DataSource dataSource, Workload workload) throws Exception {
		migrate(dataSource, workload);
	}

}
