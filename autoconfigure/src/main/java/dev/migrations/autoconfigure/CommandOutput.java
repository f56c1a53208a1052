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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseStatus;
import dev.migrations.DryRunResult;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationOutcome;
import dev.migrations.RepairResult;
import dev.migrations.RunResult;

/**
 * Writes what a command did as text for a terminal: the status as a table, a summary of
 * each run, repair and dry run. Every block starts with the DataSource's bean name.
 */
final class CommandOutput {

	private static final String NEW_LINE = System.lineSeparator();

	private CommandOutput() {
	}

	static String status(String dataSourceName, DatabaseStatus status, List<String> problems) {
		StringBuilder text = new StringBuilder(dataSourceName).append(": ")
			.append(status.database())
			.append(", table ")
			.append(status.table())
			.append(NEW_LINE)
			.append("State: ")
			.append(status.state())
			.append(", current version ")
			.append(version(status.currentVersion()))
			.append(", ")
			.append(status.pending())
			.append(" pending")
			.append(NEW_LINE)
			.append(NEW_LINE);
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "VERSION", "DESCRIPTION", "STATE", "APPLIED AT" });
		for (MigrationInfo migration : status.migrations()) {
			rows.add(new String[] { label(migration.version()), migration.description(), migration.state().name(),
					appliedAt(migration.appliedAt()) });
		}
		table(text, rows);
		if (!problems.isEmpty()) {
			text.append(NEW_LINE).append("Problems (migrate refuses to run until they are fixed):").append(NEW_LINE);
			list(text, problems);
		}
		return text.toString();
	}

	static String migrated(RunResult result) {
		if (result.outcomes().isEmpty()) {
			return result.dataSourceName() + ": up to date at version " + version(result.toVersion())
					+ ", nothing applied" + NEW_LINE;
		}
		return summary(result, "applied");
	}

	static String reversed(RunResult result) {
		if (result.outcomes().isEmpty()) {
			return result.dataSourceName() + ": already at version " + version(result.toVersion())
					+ ", nothing reversed" + NEW_LINE;
		}
		return summary(result, "reversed");
	}

	static String stamped(RunResult result) {
		return result.dataSourceName() + ": stamped at baseline version " + version(result.toVersion())
				+ "; migrations up to it will not run" + NEW_LINE;
	}

	static String repaired(RepairResult result) {
		if (result.failuresCleared().isEmpty() && result.changesAccepted().isEmpty()
				&& result.missingForgotten().isEmpty()) {
			return result.dataSourceName() + ": nothing to repair" + NEW_LINE;
		}
		return result.dataSourceName() + ": repaired the history" + NEW_LINE + "  failed attempts cleared:    "
				+ result.failuresCleared() + NEW_LINE + "  changed migrations accepted: " + result.changesAccepted()
				+ NEW_LINE + "  missing versions forgotten: " + result.missingForgotten() + NEW_LINE;
	}

	static String dryRun(DryRunResult result) {
		StringBuilder text = new StringBuilder(result.dataSourceName()).append(": ");
		long failures = result.outcomes().stream().filter((outcome) -> !outcome.success()).count();
		if (result.outcomes().isEmpty()) {
			text.append("nothing pending to check");
		}
		else if (failures == 0) {
			text.append("every pending migration would apply; nothing was changed");
		}
		else {
			text.append(failures)
				.append(" of ")
				.append(result.outcomes().size())
				.append(" pending migrations would fail; nothing was changed");
		}
		text.append(NEW_LINE);
		for (MigrationOutcome outcome : result.outcomes()) {
			text.append((outcome.success()) ? "  ok    " : "  FAIL  ")
				.append(label(outcome.version()))
				.append(" ")
				.append(outcome.description())
				.append((outcome.error() != null) ? ": " + outcome.error() : "")
				.append(NEW_LINE);
		}
		if (!result.notChecked().isEmpty()) {
			text.append("  not checked (not transactional): ").append(result.notChecked()).append(NEW_LINE);
		}
		return text.toString();
	}

	private static String summary(RunResult result, String verb) {
		StringBuilder text = new StringBuilder(result.dataSourceName()).append(": ")
			.append(verb)
			.append(" ")
			.append(result.count())
			.append((result.count() == 1) ? " migration" : " migrations")
			.append(" in ")
			.append(result.durationMs())
			.append(" ms, now at version ")
			.append(version(result.toVersion()))
			.append(" (was ")
			.append(version(result.fromVersion()))
			.append(")")
			.append(NEW_LINE);
		for (MigrationOutcome outcome : result.outcomes()) {
			text.append("  ")
				.append(outcome.operation())
				.append(" ")
				.append(label(outcome.version()))
				.append(" ")
				.append(outcome.description())
				.append(" (")
				.append(outcome.durationMs())
				.append(" ms)")
				.append(NEW_LINE);
		}
		return text.toString();
	}

	private static void table(StringBuilder text, List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
			}
			text.append(line.toString().stripTrailing()).append(NEW_LINE);
		}
	}

	private static void list(StringBuilder text, List<String> items) {
		for (String item : items) {
			text.append(" - ").append(item).append(NEW_LINE);
		}
	}

	private static String appliedAt(@Nullable Instant appliedAt) {
		return (appliedAt != null) ? appliedAt.truncatedTo(ChronoUnit.SECONDS).toString() : "";
	}

	/**
	 * Return how a migration's version is shown: repeatable migrations have none.
	 */
	private static String label(@Nullable String version) {
		return (version != null) ? version : "repeatable";
	}

	private static String version(@Nullable String version) {
		return (version != null) ? version : "0";
	}

}
