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

package dev.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the object definitions of two {@link SchemaSnapshot}s by name: an object only
 * one side has, or whose definition differs, gives one line. Lines about what belongs to
 * an object already reported (a table only one side has, its column or index) are left
 * out.
 */
final class ObjectDiff {

	private static final int SHORT = 160;

	private ObjectDiff() {
	}

	/**
	 * Add the differences of the objects to those found so far.
	 * @param expected the expected definitions by name
	 * @param actual the actual definitions by name
	 * @param differences the differences found so far, to add to
	 */
	static void compare(Map<String, String> expected, Map<String, String> actual, List<String> differences) {
		List<String> reported = new ArrayList<>();
		differences.forEach((line) -> subject(line, reported));
		TreeSet<String> names = new TreeSet<>(expected.keySet());
		names.addAll(actual.keySet());
		for (String name : names) {
			if (reported.stream().anyMatch((subject) -> name.startsWith(subject + ":"))) {
				continue;
			}
			String left = expected.get(name);
			String right = actual.get(name);
			if (left == null || right == null) {
				String definition = (left != null) ? left : right;
				differences
					.add(name + ": only in " + ((left == null) ? "actual" : "expected") + shown(name, definition));
				reported.add(name);
			}
			else if (!left.equals(right)) {
				differences.add(name + ": definition differs " + detail(left, right));
			}
		}
	}

	/** A short definition that says more than the kind of object. */
	private static String shown(String name, String definition) {
		String line = oneLine(definition);
		return (line.length() <= SHORT && !name.startsWith(line + " ")) ? " (" + line + ")" : "";
	}

	private static void subject(String line, List<String> reported) {
		for (String marker : List.of(": only in ", ": expected ")) {
			int end = line.indexOf(marker);
			if (end > 0) {
				reported.add(line.substring(0, end));
				return;
			}
		}
	}

	private static String detail(String expected, String actual) {
		String left = oneLine(expected);
		String right = oneLine(actual);
		if (left.length() <= SHORT && right.length() <= SHORT) {
			return "(expected " + left + ", actual " + right + ")";
		}
		String[] leftLines = expected.split("\n");
		String[] rightLines = actual.split("\n");
		int line = 0;
		while (line < leftLines.length && line < rightLines.length
				&& leftLines[line].strip().equals(rightLines[line].strip())) {
			line++;
		}
		return "(first at line " + (line + 1) + ": expected " + quoted(leftLines, line) + ", actual "
				+ quoted(rightLines, line) + ")";
	}

	private static String quoted(String[] lines, int line) {
		return (line < lines.length) ? "'" + lines[line].strip() + "'" : "the end";
	}

	private static String oneLine(String definition) {
		return definition.strip().replaceAll("\\s+", " ");
	}

}
