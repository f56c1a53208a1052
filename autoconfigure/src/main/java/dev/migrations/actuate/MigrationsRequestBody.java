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

package dev.migrations.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The shape of a {@code POST /actuator/migrations} body: which fields it may have and of
 * what type. Checked before Boot binds the fields, so that an unknown field, a missing
 * operation or a {@code steps} that is not a number is refused with a message instead of
 * being ignored or answered with a generic error.
 */
final class MigrationsRequestBody {

	static final List<String> FIELDS = List.of("operation", "dataSource", "version", "steps");

	private static final String USAGE = "Send a JSON object such as {\"operation\":\"rollback\",\"steps\":1} with "
			+ "the fields " + FIELDS + ", 'operation' being one of " + MigrationsOperation.names() + ".";

	private MigrationsRequestBody() {
	}

	/**
	 * Return what is wrong with the fields of a request, or {@code null} when nothing is.
	 * @param arguments the fields and query parameters of the request
	 * @return the message that refuses the request, or {@code null}
	 */
	static @Nullable String problem(Map<String, Object> arguments) {
		List<String> unknown = new ArrayList<>();
		for (String name : arguments.keySet()) {
			if (!FIELDS.contains(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			return unknownFields(unknown);
		}
		Object operation = arguments.get("operation");
		if (operation == null || operation.toString().isBlank()) {
			return "The request names no 'operation'; nothing was changed. " + USAGE;
		}
		Object steps = arguments.get("steps");
		if (steps != null && !isWholeNumber(steps.toString())) {
			return "Field 'steps' must be a whole number, but is '" + steps + "'; nothing was changed. Send how many "
					+ "migrations to roll back as a number, such as {\"operation\":\"rollback\",\"steps\":1}.";
		}
		return null;
	}

	/**
	 * Return the message that refuses a body that could not be read as JSON fields.
	 * @param detail what the JSON parser reported
	 * @return the message
	 */
	static String unreadable(String detail) {
		return "The request body is not a JSON object of fields and values (" + detail + "); nothing was changed. "
				+ USAGE;
	}

	private static String unknownFields(List<String> unknown) {
		StringBuilder message = new StringBuilder("The request has ")
			.append((unknown.size() == 1) ? "an unknown field" : "unknown fields");
		for (int i = 0; i < unknown.size(); i++) {
			String name = unknown.get(i);
			message.append((i > 0) ? ", '" : " '").append(name).append("'");
			String suggestion = closest(name);
			if (suggestion != null) {
				message.append(" (did you mean '").append(suggestion).append("'?)");
			}
		}
		return message.append("; nothing was changed. Use only the fields ").append(FIELDS).append('.').toString();
	}

	private static @Nullable String closest(String name) {
		String closest = null;
		int best = 3;
		for (String field : FIELDS) {
			int distance = distance(name.toLowerCase(), field.toLowerCase());
			if (distance < best) {
				best = distance;
				closest = field;
			}
		}
		return closest;
	}

	/**
	 * Return the Levenshtein distance between two words.
	 */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static boolean isWholeNumber(String text) {
		return text.matches("-?\\d{1,9}");
	}

}
