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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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
			if (!jvmLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				throw timedOut(timeout);
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
				while (lock == null) {
					if (System.nanoTime() > deadline) {
						throw timedOut(timeout);
					}
					Thread.sleep(POLL_MILLIS);
					lock = channel.tryLock();
				}
				FileLock held = lock;
				return () -> release(held, channel, jvmLock);
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

	private LockTimeoutException timedOut(Duration timeout) {
		return new LockTimeoutException("Another instance held the migration lock " + this.key + " for longer than "
				+ timeout + ". Wait for it to finish, or raise migrations.lock-timeout.");
	}

}
