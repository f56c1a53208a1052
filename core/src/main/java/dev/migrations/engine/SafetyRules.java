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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.migrations.AllowUnsafe;
import dev.migrations.SafetyReport;
import dev.migrations.SafetyReport.Finding;
import dev.migrations.SafetyReport.Level;
import dev.migrations.dialect.SafetyProbe.Observation;

/**
 * The safety rules: each turns one kind of observation into findings with an id, a level
 * and the safe recipe. A migration accepts a rule by its id ({@link AllowUnsafe}, or
 * {@code -- migrations: allow=…} on an SQL file's first line); {@code all} accepts every
 * rule.
 */
final class SafetyRules {

	static final String REWRITE = "rewrite";

	static final String INDEX_NOT_CONCURRENT = "index-not-concurrent";

	static final String VALIDATED_CONSTRAINT = "validated-constraint";

	static final String SET_NOT_NULL = "set-not-null";

	static final String DROP_OR_RENAME = "drop-or-rename";

	static final String EXCLUSIVE_LOCK = "exclusive-lock";

	/** Every rule id, for messages and the directive's check. */
	static final Set<String> IDS = Set.of(REWRITE, INDEX_NOT_CONCURRENT, VALIDATED_CONSTRAINT, SET_NOT_NULL,
			DROP_OR_RENAME, EXCLUSIVE_LOCK, "all");

	static final String REWRITE_RECIPE = "add a new column, backfill it in batches, then set its default "
			+ "and switch the application over (expand, deploy, contract); for a type change, add a column of the "
			+ "new type, copy in batches, and swap in a later release";

	static final String INDEX_RECIPE = "CREATE INDEX CONCURRENTLY in a non-transactional migration "
			+ "(-- migrations: transactional=false, or transactional() returning false)";

	static final String CONSTRAINT_RECIPE = "add it NOT VALID, then ALTER TABLE … VALIDATE CONSTRAINT in a "
			+ "later migration (it takes only SHARE UPDATE EXCLUSIVE, so reads and writes go on)";

	static final String NOT_NULL_RECIPE = "add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it, "
			+ "then SET NOT NULL (PostgreSQL 12+ uses the check and skips the scan) and drop the check";

	static final String DROP_RECIPE = "expand, deploy, contract: release the application without using it "
			+ "first, then drop it in a later migration; rename by adding the new name, writing both, and dropping "
			+ "the old one later";

	static final String LOCK_RECIPE = "keep the transaction short and do nothing slow in it; the lock "
			+ "timeout (migrations.postgresql.lock-timeout) makes it give way instead of queueing the application";

	private SafetyRules() {
	}

	/**
	 * Return the ids a migration accepts.
	 */
	static Set<String> accepted(ResolvedMigration migration) {
		Set<String> accepted = new TreeSet<>();
		if (migration.migration() instanceof SqlFileMigration sql) {
			accepted.addAll(sql.allowed());
		}
		AllowUnsafe allow = migration.migration().getClass().getAnnotation(AllowUnsafe.class);
		if (allow != null) {
			for (String id : allow.value()) {
				accepted.add(id.toLowerCase(Locale.ROOT));
			}
		}
		return accepted;
	}

	static SafetyReport.Entry evaluate(ResolvedMigration migration, Observation observation) {
		Set<String> accepted = accepted(migration);
		String version = migration.version().toString();
		String source = migration.source();
		List<Finding> findings = new ArrayList<>();
		Rule rule = (id, level, message, recipe) -> findings.add(new Finding(id, level, version, source, message,
				recipe, accepted.contains(id) || accepted.contains("all")));
		for (String rewritten : observation.rewritten()) {
			rule.found(REWRITE, Level.ERROR, "rewrites " + rewritten + ": every row is copied while the table is "
					+ "locked ACCESS EXCLUSIVE, so every query on it waits", REWRITE_RECIPE);
		}
		for (String index : observation.blockingIndexes()) {
			rule.found(INDEX_NOT_CONCURRENT, Level.ERROR, "builds index " + index + " without CONCURRENTLY: "
					+ "writes to the table wait until the index is built", INDEX_RECIPE);
		}
		for (String constraint : observation.validatedConstraints()) {
			rule.found(VALIDATED_CONSTRAINT, Level.ERROR,
					"adds " + constraint + " validated: every row is checked " + "while writes to the table wait",
					CONSTRAINT_RECIPE);
		}
		for (String column : observation.notNullColumns()) {
			rule.found(SET_NOT_NULL, Level.ERROR, "sets " + column + " NOT NULL: every row is checked while the "
					+ "table is locked ACCESS EXCLUSIVE", NOT_NULL_RECIPE);
		}
		for (String change : observation.droppedOrRenamed()) {
			rule.found(DROP_OR_RENAME, Level.ERROR,
					change + ": instances still running the previous release " + "fail on it", DROP_RECIPE);
		}
		for (SafetyReport.Lock lock : observation.locks()) {
			if (lock.mode().equals("AccessExclusiveLock")) {
				rule.found(EXCLUSIVE_LOCK, Level.WARNING, "holds AccessExclusiveLock on " + lock.relation()
						+ " until it commits: every query on it waits meanwhile", LOCK_RECIPE);
			}
		}
		return new SafetyReport.Entry(version, migration.description(), source, observation.locks(),
				observation.rewritten(), findings);
	}

	@FunctionalInterface
	private interface Rule {

		void found(String id, Level level, String message, String recipe);

	}

}
