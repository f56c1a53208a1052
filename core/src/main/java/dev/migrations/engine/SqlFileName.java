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

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;

/**
 * The name of an SQL migration file, {@code V<version>__<description>.sql} for the up
 * script and {@code V<version>__<description>.down.sql} for its reverse. The version is
 * digits separated by {@code .} or {@code _}; the description is the rest, underscores
 * read as spaces. A repeatable migration is named {@code R__<description>.sql}, with
 * {@code R__<description>.down.sql} for its reverse.
 *
 * @param version the version, digits separated by dots, or {@code null} for a repeatable
 * migration
 * @param description the description
 * @param down whether the file is a down script
 * @param base the name without {@code .sql} or {@code .down.sql}, shared by an up script
 * and its down script
 */
record SqlFileName(@Nullable String version, String description, boolean down, String base) {

	private static final String REPEATABLE_PREFIX = "R__";

	private static final String DOWN_SUFFIX = ".down.sql";

	private static final String SUFFIX = ".sql";

	private static final Pattern NAME = Pattern.compile("V([^_]*(?:_(?!_)[^_]*)*)__(.*)");

	private static final Pattern VERSION = Pattern.compile("\\d+(?:[._]\\d+)*");

	/**
	 * Parse a file name found in a migration location.
	 * @param fileName the file name without directories
	 * @param source where the file is, for messages
	 * @return the name, or {@code null} for a file that is not meant as a migration (such
	 * as {@code README.md}), which is ignored
	 * @throws MigrationException for a file that looks like a migration but is misnamed,
	 * saying how to rename it
	 */
	static @Nullable SqlFileName parse(String fileName, String source) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(SUFFIX)) {
			if ((fileName.startsWith("V") || fileName.startsWith(REPEATABLE_PREFIX)) && fileName.contains("__")) {
				throw misnamed(source, "does not end in .sql", suggestion(fileName));
			}
			return null;
		}
		if (!fileName.endsWith(SUFFIX)) {
			throw misnamed(source,
					"ends in " + fileName.substring(fileName.length() - SUFFIX.length()) + " instead of .sql",
					suggestion(fileName));
		}
		boolean down = fileName.endsWith(DOWN_SUFFIX);
		String base = fileName.substring(0, fileName.length() - ((down) ? DOWN_SUFFIX : SUFFIX).length());
		if (base.startsWith(REPEATABLE_PREFIX)) {
			String description = base.substring(REPEATABLE_PREFIX.length()).replace('_', ' ').trim();
			if (description.isEmpty()) {
				throw misnamed(source, "has no description after R__", null);
			}
			return new SqlFileName(null, description, down, base);
		}
		Matcher matcher = NAME.matcher(base);
		if (!matcher.matches()) {
			String problem = (!fileName.startsWith("V")) ? "does not start with V (or R__ for a repeatable migration)"
					: "has no __ between version and description";
			throw misnamed(source, problem, null);
		}
		String version = matcher.group(1);
		if (!VERSION.matcher(version).matches()) {
			throw misnamed(source, "has version '" + version + "', which is not digits separated by . or _", null);
		}
		String description = matcher.group(2).replace('_', ' ').trim();
		if (description.isEmpty()) {
			throw misnamed(source, "has no description after __", null);
		}
		return new SqlFileName(version.replace('_', '.'), description, down, base);
	}

	/**
	 * Return whether the file is a repeatable migration's.
	 */
	boolean repeatable() {
		return this.version == null;
	}

	private static @Nullable String suggestion(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String stem = (dot > 0) ? fileName.substring(0, dot) : fileName;
		return (stem.toLowerCase(Locale.ROOT).endsWith(".down")) ? stem.substring(0, stem.length() - 5) + DOWN_SUFFIX
				: stem + SUFFIX;
	}

	private static MigrationException misnamed(String source, String problem, @Nullable String suggestion) {
		String rename = (suggestion != null) ? "Rename it to " + suggestion
				: "Rename it to V<version>__<description>.sql (for example V4__add_index.sql, "
						+ "or V4__add_index.down.sql for its reverse), or R__<description>.sql for a repeatable "
						+ "migration (for example R__user_view.sql)";
		return new MigrationException("SQL migration file " + source + " " + problem + ". " + rename
				+ ", or move it out of the migration location.");
	}

}
