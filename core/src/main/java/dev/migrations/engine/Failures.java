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

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.migrations.dialect.Dialect;

import org.springframework.core.NestedExceptionUtils;

/**
 * Turns a migration's failure into the text the history and messages carry: its message,
 * the database's own message and the SQL state.
 */
final class Failures {

	private Failures() {
	}

	/**
	 * Return the first SQL exception in the failure's cause chain.
	 */
	static @Nullable SQLException sqlCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	/**
	 * Return the dialect's advice about the database as a whole for the failure, with a
	 * leading space, or the empty string.
	 */
	static String advice(Throwable failure, @Nullable Dialect dialect) {
		SQLException sql = sqlCause(failure);
		String advice = (sql != null && dialect != null) ? dialect.advice(sql) : null;
		return (advice != null) ? " " + advice : "";
	}

	static String describe(Throwable failure) {
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
			message = message + ": " + root.getMessage();
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return message + " [SQL state " + sql.getSQLState() + "]";
			}
		}
		return message;
	}

}
