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

import java.util.ArrayList;
import java.util.List;

/**
 * What pending migrations were seen doing to tables that existed before them, observed
 * while they ran in a dry run (rolled back): the locks they held, the tables and indexes
 * they rewrote, and the rules that says are unsafe while the application runs, each with
 * the safe way to make the change. Observed on PostgreSQL; other databases report
 * nothing.
 *
 * @param dataSourceName the DataSource bean name
 * @param migrations one entry per pending migration that ran in the dry run, in order
 * @param notChecked versions that did not run: non-transactional ones, or ones that
 * failed in the dry run
 * @since 0.3.0
 */
public record SafetyReport(String dataSourceName, List<Entry> migrations, List<String> notChecked) {

	public SafetyReport {
		migrations = List.copyOf(migrations);
		notChecked = List.copyOf(notChecked);
	}

	/**
	 * Return the findings of every migration that are not accepted, of the given level.
	 * @param level the level
	 * @return the findings, in migration order
	 */
	public List<Finding> unaccepted(Level level) {
		List<Finding> unaccepted = new ArrayList<>();
		for (Entry entry : this.migrations) {
			for (Finding finding : entry.findings()) {
				if (!finding.accepted() && finding.level() == level) {
					unaccepted.add(finding);
				}
			}
		}
		return unaccepted;
	}

	/**
	 * Describe the report for people: per migration what it locks, in which mode, what it
	 * rewrites, and each finding with its recipe.
	 * @return the text, lines separated by {@code \n}
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("Safety report of DataSource '").append(this.dataSourceName)
			.append("'\n");
		for (Entry entry : this.migrations) {
			text.append("  ").append(entry.version()).append(" (").append(entry.description()).append(")\n");
			if (entry.locks().isEmpty() && entry.rewritten().isEmpty() && entry.findings().isEmpty()) {
				text.append("    touches no table that existed before it\n");
			}
			for (Lock lock : entry.locks()) {
				text.append("    locks ").append(lock.relation()).append(" in ").append(lock.mode()).append('\n');
			}
			for (String rewritten : entry.rewritten()) {
				text.append("    rewrites ").append(rewritten).append('\n');
			}
			for (Finding finding : entry.findings()) {
				text.append("    ")
					.append(finding.level())
					.append(' ')
					.append(finding.rule())
					.append((finding.accepted()) ? " (accepted)" : "")
					.append(": ")
					.append(finding.message())
					.append("\n      safe recipe: ")
					.append(finding.recipe())
					.append('\n');
			}
		}
		if (!this.notChecked.isEmpty()) {
			text.append("  not observed (non-transactional, or failed in the dry run): ")
				.append(String.join(", ", this.notChecked))
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * What one migration was seen doing.
	 *
	 * @param version its version
	 * @param description its description
	 * @param source its class or resource
	 * @param locks the locks it held on tables that existed before it, until its
	 * transaction ended
	 * @param rewritten the tables and indexes that existed before it and were rewritten
	 * (their storage, {@code relfilenode}, changed)
	 * @param findings what the rules say about it
	 */
	public record Entry(String version, String description, String source, List<Lock> locks, List<String> rewritten,
			List<Finding> findings) {

		public Entry {
			locks = List.copyOf(locks);
			rewritten = List.copyOf(rewritten);
			findings = List.copyOf(findings);
		}

	}

	/**
	 * A lock a migration held on a table that existed before it.
	 *
	 * @param relation the table, schema-qualified where the search path needs it
	 * @param mode the lock mode as PostgreSQL names it, such as
	 * {@code AccessExclusiveLock}
	 */
	public record Lock(String relation, String mode) {
	}

	/**
	 * One thing a rule found.
	 *
	 * @param rule the rule's id, such as {@code rewrite}, used to accept it
	 * @param level how serious it is
	 * @param version the migration's version
	 * @param source the migration's class or resource
	 * @param message what was seen, naming the table, index or constraint
	 * @param recipe the safe way to make the same change
	 * @param accepted whether the migration accepts it ({@link AllowUnsafe}, or
	 * {@code -- migrations: allow=…} in an SQL file)
	 */
	public record Finding(String rule, Level level, String version, String source, String message, String recipe,
			boolean accepted) {
	}

	/**
	 * How serious a finding is.
	 */
	public enum Level {

		/**
		 * Blocks or breaks the running application: {@code checkSafety()} and
		 * {@code migrations.safety=fail} fail on it unless it is accepted.
		 */
		ERROR,

		/**
		 * Worth knowing; never fails.
		 */
		WARNING

	}

}
