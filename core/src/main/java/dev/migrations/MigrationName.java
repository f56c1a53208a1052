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

import java.lang.reflect.Method;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.ClassUtils;

/**
 * The version and description a migration class's name declares: what
 * {@link Migration#version()} and {@link Migration#description()} return unless
 * overridden.
 *
 * @param version the version, digits separated by dots
 * @param description the description, words split
 * @since 0.1.0
 */
public record MigrationName(String version, String description) {

	private static final Pattern NAME = Pattern.compile("V(\\d+(?:_\\d+)*)__(\\w+)");

	private static final Pattern REPEATABLE_NAME = Pattern.compile("R__(\\w+)");

	static MigrationName of(Migration migration) {
		return of(ClassUtils.getUserClass(migration));
	}

	/**
	 * Return the version and description a class's simple name declares.
	 * @param type the migration class
	 * @return its name's version and description
	 * @throws MigrationException if the class is not named
	 * {@code V<version>__<Description>}
	 */
	public static MigrationName of(Class<?> type) {
		return parse(type.getSimpleName(), type.getName());
	}

	static MigrationName parse(String simpleName, String subject) {
		Matcher matcher = match(simpleName, subject);
		return new MigrationName(version(matcher), words(matcher.group(2)));
	}

	/**
	 * Return the version alone: start-up asks every migration for it, and splitting the
	 * description into words can wait until a description is needed.
	 */
	static String versionOf(Migration migration) {
		return versionOf(ClassUtils.getUserClass(migration));
	}

	/**
	 * Return the version alone that a class's simple name declares.
	 * @param type the migration class
	 * @return the version, digits separated by dots
	 * @throws MigrationException if the class is not named
	 * {@code V<version>__<Description>}
	 */
	public static String versionOf(Class<?> type) {
		return version(match(type.getSimpleName(), type.getName()));
	}

	/**
	 * Return the description a repeatable migration's class name {@code R__<Description>}
	 * declares.
	 */
	static String repeatableDescriptionOf(RepeatableMigration migration) {
		Class<?> type = ClassUtils.getUserClass(migration);
		Matcher matcher = REPEATABLE_NAME.matcher(type.getSimpleName());
		if (!matcher.matches()) {
			throw new MigrationException("Repeatable migration " + type.getName()
					+ " is not named R__<Description> (for example R__CreateUserView). "
					+ "Rename it, or override description().");
		}
		return words(matcher.group(1));
	}

	private static Matcher match(String simpleName, String subject) {
		Matcher matcher = NAME.matcher(simpleName);
		if (!matcher.matches()) {
			throw new MigrationException("Migration " + subject
					+ " is not named V<version>__<Description> (for example V3__AddUsers or V2026_11_21_1030__AddUsers). "
					+ "Rename it, or override version() and description().");
		}
		return matcher;
	}

	private static String version(Matcher matcher) {
		return matcher.group(1).replace('_', '.');
	}

	static boolean declaresDown(Migration migration) {
		try {
			Method down = ClassUtils.getUserClass(migration).getMethod("down", MigrationContext.class);
			return down.getDeclaringClass() != Migration.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Split {@code AddAdminFlagToUsers} or {@code add_admin_flag} into
	 * {@code Add admin flag to users}; runs of capitals ({@code SQL}) stay together.
	 */
	static String words(String name) {
		StringBuilder words = new StringBuilder(name.length() + 8);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '_') {
				appendSpace(words);
				continue;
			}
			boolean wordStart = Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
					|| (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))));
			if (wordStart) {
				appendSpace(words);
			}
			boolean acronym = i + 1 < name.length() && Character.isUpperCase(name.charAt(i + 1))
					|| i > 0 && Character.isUpperCase(name.charAt(i - 1)) && !wordStart;
			words.append((words.isEmpty() || acronym) ? c : Character.toLowerCase(c));
		}
		if (!words.isEmpty()) {
			words.setCharAt(0, Character.toUpperCase(words.charAt(0)));
		}
		return words.toString().trim();
	}

	private static void appendSpace(StringBuilder words) {
		if (!words.isEmpty() && words.charAt(words.length() - 1) != ' ') {
			words.append(' ');
		}
	}

}
