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

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.MigrationException;

/**
 * Replaces {@code ${name}} placeholders in SQL migration files with configured values
 * ({@code migrations.placeholders.*}). With no values configured it changes nothing, so
 * scripts that contain {@code ${…}} for other reasons keep working; once one value is
 * configured, every placeholder must have one.
 */
final class PlaceholderReplacer {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]+)}");

	private final Map<String, String> values;

	PlaceholderReplacer(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	/**
	 * Return whether placeholders are replaced at all.
	 * @return whether at least one value is configured
	 */
	boolean enabled() {
		return !this.values.isEmpty();
	}

	/**
	 * Replace the placeholders in a statement.
	 * @param statement the statement
	 * @param source the file, for messages
	 * @return the statement with every placeholder replaced
	 * @throws MigrationException naming the file, line and placeholder when a value is
	 * missing
	 */
	SqlStatement replace(SqlStatement statement, String source) {
		if (!enabled() || !statement.sql().contains("${")) {
			return statement;
		}
		Matcher matcher = PLACEHOLDER.matcher(statement.sql());
		StringBuilder sql = new StringBuilder(statement.sql().length() + 32);
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = this.values.get(name);
			if (value == null) {
				int line = statement.line() + lines(statement.sql(), matcher.start());
				String known = String.join(", ", this.values.keySet().stream().sorted().toList());
				throw new MigrationException("SQL file " + source + " uses placeholder ${" + name + "} at line " + line
						+ " but no value is configured for it (configured: " + known + "). Set migrations.placeholders."
						+ name + ", or correct the name.");
			}
			matcher.appendReplacement(sql, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(sql);
		return new SqlStatement(sql.toString(), statement.line());
	}

	private static int lines(String text, int end) {
		int lines = 0;
		for (int i = 0; i < end; i++) {
			if (text.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

}
