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

package dev.migrations.dialect;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Sees, while one migration runs, which other sessions block it. The blockers must be
 * seen while the migration still waits: once its lock wait has timed out, nothing in the
 * database links them to it any more.
 */
public interface LockWaitWatcher {

	/** A watcher that never sees a blocker. */
	LockWaitWatcher NONE = (lockTimeout) -> Watch.NONE;

	/**
	 * Start watching the migration about to run.
	 * @param lockTimeout how long its statements wait for a lock; a wait that long is
	 * seen at least once
	 * @return the watch, to close when the migration ends
	 */
	Watch watch(Duration lockTimeout);

	/**
	 * Watching one migration.
	 */
	interface Watch extends AutoCloseable {

		/** A watch that never sees a blocker. */
		Watch NONE = new Watch() {

			@Override
			public @Nullable String blockers() {
				return null;
			}

			@Override
			public void close() {
			}

		};

		/**
		 * Return the blockers last seen: what the migration waited for and who held it.
		 * @return the description, or {@code null} when none was seen
		 */
		@Nullable String blockers();

		@Override
		void close();

	}

}
