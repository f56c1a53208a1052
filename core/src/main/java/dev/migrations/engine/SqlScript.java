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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import dev.migrations.MigrationException;

/**
 * The parsed content of one SQL migration file: its statements (placeholders replaced),
 * whether it runs in a transaction, and the checksum of its text.
 * <p>
 * A first line {@code -- migrations: transactional=false} runs the file outside a
 * transaction; {@code allow=rewrite} (several ids separated by commas) accepts safety
 * rules for it, as {@code @AllowUnsafe} does for a Java migration. The checksum is a
 * CRC32 of the text with line endings normalised to {@code \n} and a byte order mark
 * removed, taken before placeholders are replaced, so it changes when the file is edited
 * but not when a placeholder's value does.
 *
 * @param source where the file is, for example
 * {@code classpath:db/migrations/V4__add_index.sql}
 * @param statements the statements in order
 * @param transactional whether the statements run in a transaction
 * @param checksum eight hex digits
 * @param allowed the ids of the safety rules the file accepts
 */
record SqlScript(String source, List<SqlStatement> statements, boolean transactional, String checksum,
		Set<String> allowed) {

	private static final Pattern DIRECTIVE = Pattern.compile("--\\s*migrations\\s*:(.*)");

	SqlScript {
		statements = List.copyOf(statements);
		allowed = Set.copyOf(allowed);
	}

	/**
	 * Parse a script.
	 * @param source where the file is, for messages
	 * @param content the file's text
	 * @param placeholders the placeholder values
	 * @return the script
	 * @throws MigrationException naming the file and line for an unclosed string or
	 * comment, an unknown placeholder or a malformed directive
	 */
	static SqlScript parse(String source, String content, PlaceholderReplacer placeholders) {
		String text = normalize(content);
		Set<String> allowed = new TreeSet<>();
		boolean transactional = directive(source, text, allowed);
		List<SqlStatement> statements = new ArrayList<>();
		for (SqlStatement statement : SqlStatementSplitter.split(text, source)) {
			statements.add(placeholders.replace(statement, source));
		}
		return new SqlScript(source, statements, transactional, checksum(text), allowed);
	}

	static String normalize(String content) {
		String text = (content.startsWith("\uFEFF")) ? content.substring(1) : content;
		return (text.indexOf('\r') >= 0) ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
	}

	static String checksum(String normalized) {
		CRC32 crc = new CRC32();
		crc.update(normalized.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().toHexDigits((int) crc.getValue());
	}

	/**
	 * Read the first line's directive: whether the file is transactional, and the safety
	 * rules it accepts, added to {@code allowed}.
	 */
	private static boolean directive(String source, String text, Set<String> allowed) {
		int end = text.indexOf('\n');
		String firstLine = ((end >= 0) ? text.substring(0, end) : text).strip();
		Matcher matcher = DIRECTIVE.matcher(firstLine);
		if (!matcher.matches()) {
			return true;
		}
		boolean transactional = true;
		boolean inAllow = false;
		for (String option : matcher.group(1).strip().split("[\\s,]+")) {
			String normalized = option.toLowerCase(Locale.ROOT);
			inAllow = (inAllow && !normalized.contains("=")) || normalized.startsWith("allow=");
			if (inAllow) {
				allow(source, firstLine, normalized.substring(normalized.indexOf('=') + 1), allowed);
			}
			else if (normalized.equals("transactional=false")) {
				transactional = false;
			}
			else if (!normalized.equals("transactional=true")) {
				throw new MigrationException(
						"SQL file " + source + " has the directive '" + firstLine + "' on line 1 but '" + option
								+ "' is not an option. Write '-- migrations: transactional=false' "
								+ "to run the file outside a transaction, 'allow=rewrite' to accept a safety rule, "
								+ "or remove the line.");
			}
		}
		return transactional;
	}

	private static void allow(String source, String firstLine, String id, Set<String> allowed) {
		if (!SafetyRules.IDS.contains(id)) {
			throw new MigrationException("SQL file " + source + " has the directive '" + firstLine + "' on line 1 but '"
					+ id + "' is not a safety rule. Use one of " + new TreeSet<>(SafetyRules.IDS)
					+ ", separated by commas.");
		}
		allowed.add(id);
	}

}
