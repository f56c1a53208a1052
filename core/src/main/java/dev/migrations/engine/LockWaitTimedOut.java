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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.migrations.dialect.DurationText;

/**
 * A migration's statement gave up waiting for a lock: what it waited for and who held it,
 * as far as it was seen while it waited. The cause is the database's own failure.
 */
final class LockWaitTimedOut extends Exception {

	private final Exception databaseFailure;

	private final Duration lockTimeout;

	private final @Nullable String blockers;

	LockWaitTimedOut(Exception cause, Duration lockTimeout, @Nullable String blockers, int tries) {
		super("waited longer than the lock timeout of " + DurationText.of(lockTimeout) + " for a lock"
				+ ((tries > 1) ? " on each of " + tries + " tries" : "") + ", "
				+ ((blockers != null) ? blockers : "blocked by a session that was not seen"), cause);
		this.databaseFailure = cause;
		this.lockTimeout = lockTimeout;
		this.blockers = blockers;
	}

	/**
	 * Return the same failure, counted over the given number of tries.
	 * @param tries how often the migration ran
	 * @return the failure
	 */
	LockWaitTimedOut after(int tries) {
		return new LockWaitTimedOut(this.databaseFailure, this.lockTimeout, this.blockers, tries);
	}

}
