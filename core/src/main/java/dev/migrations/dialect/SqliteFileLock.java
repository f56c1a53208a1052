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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationException;

/**
 * An operating-system lock on a file beside the SQLite database, which the OS releases
 * when the process dies. File locks are held per process, so threads of one JVM first
 * take a JVM lock for the same key; an in-memory database only has that one.
 */
final class SqliteFileLock implements MigrationLock {

	/** Process-wide by nature: file locks cannot tell two threads of one JVM apart. */
	private static final Map<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

	private static final long POLL_MILLIS = 20;

	private static final String OTHER_THREAD = "another thread of this process";

	private static final Log logger = LogFactory.getLog(SqliteFileLock.class);

	private final @Nullable Path lockFile;

	private final String key;

	SqliteFileLock(@Nullable Path lockFile, String key) {
		this.lockFile = lockFile;
		this.key = (lockFile != null) ? lockFile.toString() : key;
	}

	@Override
	public Held acquire(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(this.key, (key) -> new ReentrantLock());
		try {
			if (!jvmLock.tryLock()) {
				logWaiting(timeout, OTHER_THREAD);
				if (!jvmLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
					throw timedOut(timeout, OTHER_THREAD);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock " + this.key + ".", ex);
		}
		if (this.lockFile == null) {
			return jvmLock::unlock;
		}
		try {
			return lockFile(this.lockFile, deadline, timeout, jvmLock);
		}
		catch (RuntimeException ex) {
			jvmLock.unlock();
			throw ex;
		}
	}

	private Held lockFile(Path file, long deadline, Duration timeout, ReentrantLock jvmLock) {
		try {
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			try {
				FileLock lock = channel.tryLock();
				if (lock == null) {
					String holder = holder(file);
					logWaiting(timeout, holder);
					while (lock == null) {
						if (System.nanoTime() > deadline) {
							throw timedOut(timeout, holder);
						}
						Thread.sleep(POLL_MILLIS);
						lock = channel.tryLock();
					}
				}
				describeHolder(channel);
				FileLock held = lock;
				return new Held() {

					@Override
					public void guard(Connection ignored) {
						if (!held.isValid()) {
							throw new MigrationException("The migration lock " + file
									+ " is no longer held: its file was closed. Nothing more is applied without the "
									+ "lock; start again.");
						}
					}

					@Override
					public void close() {
						release(held, channel, jvmLock);
					}

				};
			}
			catch (RuntimeException | InterruptedException ex) {
				channel.close();
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
					throw new MigrationException("Interrupted while waiting for the migration lock " + file + ".", ex);
				}
				throw (RuntimeException) ex;
			}
		}
		catch (IOException ex) {
			throw new MigrationException("Could not lock " + file + ": " + ex.getMessage()
					+ ". Check that the directory of the SQLite database is writable.", ex);
		}
	}

	private void release(FileLock lock, FileChannel channel, ReentrantLock jvmLock) {
		try {
			lock.release();
			channel.close();
		}
		catch (IOException ex) {
			throw new MigrationException("Could not release the migration lock " + this.key + ": " + ex.getMessage()
					+ ". The operating system releases it when the process ends.", ex);
		}
		finally {
			jvmLock.unlock();
		}
	}

	/**
	 * Write who holds the lock into the lock file, for those who wait: the process, its
	 * host and since when.
	 */
	private static void describeHolder(FileChannel channel) throws IOException {
		String holder = "process " + ProcessHandle.current().pid() + " on " + HostName.get() + ", holding it since "
				+ Instant.now().truncatedTo(ChronoUnit.SECONDS);
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
	}

	private static String holder(Path file) {
		try {
			String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
			return (holder.isEmpty()) ? "another process" : holder;
		}
		catch (IOException ex) {
			// Only the description is lost; waiting for the lock works the same.
			return "another process";
		}
	}

	private void logWaiting(Duration timeout, String holder) {
		logger.info("Waiting up to " + DurationText.of(timeout) + " for the migration lock " + this.key + ", held by "
				+ holder);
	}

	private LockTimeoutException timedOut(Duration timeout, String holder) {
		return new LockTimeoutException(
				"Another instance held the migration lock " + this.key + " for longer than " + DurationText.of(timeout)
						+ " (" + holder + "). Wait for it to finish, or raise migrations.lock-timeout.");
	}

}
