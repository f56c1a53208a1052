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

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;

/**
 * A migration version: digits separated by dots, compared numerically segment by segment,
 * with trailing zero segments ignored ({@code 1} equals {@code 1.0}). Segments may be any
 * length, so timestamps work.
 */
public final class Version implements Comparable<Version> {

	/** Below every real version: "0" is what a database with nothing applied is at. */
	public static final Version ZERO = parse("0");

	private final String text;

	/** Segments without leading zeros, trailing zero segments dropped. */
	private final String[] segments;

	/** Computed on first use, as {@link String} does: most versions are never hashed. */
	private int hash;

	private @Nullable String canonical;

	private Version(String text, String[] segments) {
		this.text = text;
		this.segments = segments;
	}

	/**
	 * Parse a version such as {@code 3}, {@code 1.10} or {@code 2026.11.21.1030}.
	 * @param text the version
	 * @return the version
	 * @throws MigrationException when the text is not digits separated by dots
	 */
	public static Version parse(String text) {
		Version version = tryParse(text);
		if (version == null) {
			throw new MigrationException("Version '" + text
					+ "' is not digits separated by dots (for example 3, 1.2 or 2026.11.21.1030). Correct it.");
		}
		return version;
	}

	/**
	 * Parse a version, or return {@code null} when the text is not one.
	 * @param text the text
	 * @return the version, or {@code null}
	 */
	public static @Nullable Version tryParse(String text) {
		int length = text.length();
		// One number without leading zeros, the common case: nothing to strip or split.
		boolean plain = length > 0 && text.charAt(0) != '0';
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '.') {
				if (i == 0 || i == length - 1 || text.charAt(i - 1) == '.') {
					return null;
				}
				plain = false;
			}
			else if (c < '0' || c > '9') {
				return null;
			}
		}
		if (length == 0) {
			return null;
		}
		if (plain) {
			return new Version(text, new String[] { text });
		}
		String[] parts = text.split("\\.");
		int kept = parts.length;
		for (int i = 0; i < parts.length; i++) {
			parts[i] = stripLeadingZeros(parts[i]);
		}
		while (kept > 0 && parts[kept - 1].equals("0")) {
			kept--;
		}
		return new Version(text, Arrays.copyOf(parts, kept));
	}

	/**
	 * Return whether the text is a version.
	 * @param text the text
	 * @return whether {@link #parse(String)} accepts it
	 */
	public static boolean isValid(String text) {
		return tryParse(text) != null;
	}

	private static String stripLeadingZeros(String digits) {
		int start = 0;
		while (start < digits.length() - 1 && digits.charAt(start) == '0') {
			start++;
		}
		return digits.substring(start);
	}

	@Override
	public int compareTo(Version other) {
		int common = Math.min(this.segments.length, other.segments.length);
		for (int i = 0; i < common; i++) {
			String a = this.segments[i];
			String b = other.segments[i];
			int order = (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(this.segments.length, other.segments.length);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Version version && Arrays.equals(this.segments, version.segments);
	}

	@Override
	public int hashCode() {
		int hash = this.hash;
		if (hash == 0) {
			hash = Arrays.hashCode(this.segments);
			this.hash = hash;
		}
		return hash;
	}

	/**
	 * Return the version without leading zeros or trailing zero segments, the same text
	 * for every way of writing it: {@code 01.2.0} reads {@code 1.2}, and {@code 0} reads
	 * {@code 0}.
	 * @return the canonical text
	 */
	public String canonical() {
		String canonical = this.canonical;
		if (canonical == null) {
			canonical = switch (this.segments.length) {
				case 0 -> "0";
				case 1 -> this.segments[0];
				default -> String.join(".", this.segments);
			};
			this.canonical = canonical;
		}
		return canonical;
	}

	/**
	 * Return the version as it was written.
	 */
	@Override
	public String toString() {
		return this.text;
	}

}
