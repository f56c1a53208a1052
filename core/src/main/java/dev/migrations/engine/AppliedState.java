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

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrations.Operation;

/**
 * What the history says is applied, condensed so that the start-up check can read it from
 * the newest row alone: the baseline, how many migrations are applied above it, and an
 * order-free 128-bit sum of a hash of each applied version and its
 * {@link MigrationIdentity} (kind, source and checksum). Every row the engine writes
 * carries the state after it; a catalog whose first {@code count} migrations above the
 * baseline hash to the same sum has exactly those applied, with the same identities.
 * Applied repeatable migrations add up to a second sum of the same kind, over each one's
 * {@link MigrationIdentity} (kind, source and the checksum last applied): a catalog whose
 * repeatable migrations hash to it has each applied with its current checksum.
 *
 * @param baseline the baseline version, or {@code null}
 * @param count how many migrations are applied
 * @param high the high half of the sum
 * @param low the low half of the sum
 * @param repeatablesHigh the high half of the repeatable migrations' sum
 * @param repeatablesLow the low half of the repeatable migrations' sum
 */
record AppliedState(@Nullable Version baseline, int count, long high, long low, long repeatablesHigh,
		long repeatablesLow) {

	/** The state of a history without applied migrations or baseline. */
	static final AppliedState EMPTY = new AppliedState(null, 0, 0, 0, 0, 0);

	/**
	 * Marks the encoding, so a later release can change it and still read this one.
	 * Format 3 adds the repeatable migrations' sum; format 2, written before repeatable
	 * migrations existed, reads as none applied.
	 */
	private static final String FORMAT = "3";

	private static final String FORMAT_WITHOUT_REPEATABLES = "2";

	private static final char SEPARATOR = ';';

	private static final long HIGH_PRIME = 0x100000001b3L;

	private static final long LOW_PRIME = 0x9e3779b97f4a7c15L;

	/**
	 * Return the state of a history read in full.
	 */
	static AppliedState of(History history) {
		long high = 0;
		long low = 0;
		long[] hash = new long[2];
		for (HistoryRow row : history.applied().values()) {
			hash(Version.parse(Objects.requireNonNull(row.version())), MigrationIdentity.of(row), hash);
			high += hash[0];
			low += hash[1];
		}
		long repeatablesHigh = 0;
		long repeatablesLow = 0;
		for (HistoryRow row : history.appliedRepeatables().values()) {
			hashRepeatable(MigrationIdentity.of(row), hash);
			repeatablesHigh += hash[0];
			repeatablesLow += hash[1];
		}
		return new AppliedState(history.baseline(), history.applied().size(), high, low, repeatablesHigh,
				repeatablesLow);
	}

	/**
	 * Return the state after a row is written, given what was applied when the operation
	 * started: an operation touches each version at most once, so that says what a row
	 * replaces. This follows {@link History}'s reading of rows.
	 */
	AppliedState after(HistoryRow row, Map<Version, HistoryRow> startApplied,
			Map<String, HistoryRow> startRepeatables) {
		if (!row.success() || HistoryRow.LAYOUT.equals(row.operation())) {
			return this;
		}
		if (row.version() == null) {
			return afterRepeatable(row, startRepeatables);
		}
		Version version = Version.parse(row.version());
		HistoryRow applied = startApplied.get(version);
		return switch (Operation.valueOf(row.operation())) {
			case UP -> without(version, applied).with(version, row);
			case DOWN -> without(version, applied);
			case BASELINE ->
				new AppliedState(version, this.count, this.high, this.low, this.repeatablesHigh, this.repeatablesLow);
			case REPAIR -> switch (String.valueOf(row.description())) {
				case History.ACCEPT_CHECKSUM, History.ACCEPT_CHANGE -> without(version, applied).with(version, row);
				case History.FORGET_MISSING -> without(version, applied);
				default -> this;
			};
		};
	}

	/**
	 * The state after a successful row of a repeatable migration, read the way
	 * {@link History} reads it.
	 */
	private AppliedState afterRepeatable(HistoryRow row, Map<String, HistoryRow> startRepeatables) {
		HistoryRow applied = startRepeatables.get(MigrationIdentity.of(row).key());
		return switch (Operation.valueOf(row.operation())) {
			case UP -> withoutRepeatable(applied).withRepeatable(row, 1);
			case DOWN -> withoutRepeatable(applied);
			case REPAIR -> (History.FORGET_MISSING.equals(row.description())) ? withoutRepeatable(applied) : this;
			case BASELINE -> this;
		};
	}

	private AppliedState withoutRepeatable(@Nullable HistoryRow applied) {
		return (applied != null) ? withRepeatable(applied, -1) : this;
	}

	private AppliedState withRepeatable(HistoryRow row, int sign) {
		long[] hash = new long[2];
		hashRepeatable(MigrationIdentity.of(row), hash);
		return new AppliedState(this.baseline, this.count, this.high, this.low, this.repeatablesHigh + sign * hash[0],
				this.repeatablesLow + sign * hash[1]);
	}

	private AppliedState with(Version version, HistoryRow row) {
		long[] hash = new long[2];
		hash(version, MigrationIdentity.of(row), hash);
		return new AppliedState(this.baseline, this.count + 1, this.high + hash[0], this.low + hash[1],
				this.repeatablesHigh, this.repeatablesLow);
	}

	private AppliedState without(Version version, @Nullable HistoryRow applied) {
		if (applied == null) {
			return this;
		}
		long[] hash = new long[2];
		hash(version, MigrationIdentity.of(applied), hash);
		return new AppliedState(this.baseline, this.count - 1, this.high - hash[0], this.low - hash[1],
				this.repeatablesHigh, this.repeatablesLow);
	}

	/**
	 * Return the text stored in the history's {@code applied_state} column.
	 */
	String encode() {
		return FORMAT + SEPARATOR + ((this.baseline != null) ? this.baseline : "") + SEPARATOR + this.count + SEPARATOR
				+ Long.toHexString(this.high) + SEPARATOR + Long.toHexString(this.low) + SEPARATOR
				+ Long.toHexString(this.repeatablesHigh) + SEPARATOR + Long.toHexString(this.repeatablesLow);
	}

	/**
	 * Read what {@link #encode()} wrote.
	 * @return the state, or {@code null} when the text is not one this release writes
	 */
	static @Nullable AppliedState decode(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String[] parts = text.split(String.valueOf(SEPARATOR), -1);
		boolean withRepeatables = parts.length == 7 && parts[0].equals(FORMAT);
		if (!withRepeatables && (parts.length != 5 || !parts[0].equals(FORMAT_WITHOUT_REPEATABLES))) {
			return null;
		}
		Version baseline = (parts[1].isEmpty()) ? null : Version.tryParse(parts[1]);
		if (baseline == null && !parts[1].isEmpty()) {
			return null;
		}
		try {
			return new AppliedState(baseline, Integer.parseInt(parts[2]), Long.parseUnsignedLong(parts[3], 16),
					Long.parseUnsignedLong(parts[4], 16), (withRepeatables) ? Long.parseUnsignedLong(parts[5], 16) : 0,
					(withRepeatables) ? Long.parseUnsignedLong(parts[6], 16) : 0);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Hash an applied migration: FNV-1a over its canonical version and its identity, two
	 * ways at once (different seeds and primes) for the two halves, each finished with
	 * MurmurHash3's finaliser so that near-identical inputs spread over all 64 bits. It
	 * guards against accidents, not adversaries: the checksums themselves are CRC32.
	 * @param into receives the high half at 0 and the low half at 1
	 */
	static void hash(Version version, MigrationIdentity identity, long[] into) {
		long[] state = { 0xcbf29ce484222325L, 0x84222325cbf29ce4L };
		mix(state, version.canonical());
		mix(state, identity.kind());
		mix(state, identity.sourceName());
		if (identity.checksum() != null) {
			mix(state, identity.checksum());
		}
		else {
			// Outside the char range: tells a missing checksum from any text.
			mix(state, 0x20000);
		}
		into[0] = finish(state[0]);
		into[1] = finish(state[1]);
	}

	/**
	 * Hash an applied repeatable migration the same way: a marker outside the char range
	 * (so that no versioned migration hashes alike), then its identity, whose checksum a
	 * repeatable migration always has.
	 * @param into receives the high half at 0 and the low half at 1
	 */
	static void hashRepeatable(MigrationIdentity identity, long[] into) {
		long[] state = { 0xcbf29ce484222325L, 0x84222325cbf29ce4L };
		mix(state, 0x30000);
		mix(state, identity.kind());
		mix(state, identity.sourceName());
		mix(state, String.valueOf(identity.checksum()));
		into[0] = finish(state[0]);
		into[1] = finish(state[1]);
	}

	/**
	 * Mix in a text and a separator outside the char range, so that no two sequences of
	 * texts mix alike.
	 */
	private static void mix(long[] state, String text) {
		for (int i = 0; i < text.length(); i++) {
			mix(state, text.charAt(i));
		}
		mix(state, 0x10000);
	}

	private static void mix(long[] state, int value) {
		state[0] = (state[0] ^ value) * HIGH_PRIME;
		state[1] = (state[1] ^ value) * LOW_PRIME;
	}

	private static long finish(long hash) {
		long mixed = hash ^ (hash >>> 33);
		mixed *= 0xff51afd7ed558ccdL;
		mixed ^= mixed >>> 33;
		mixed *= 0xc4ceb9fe1a85ec53L;
		return mixed ^ (mixed >>> 33);
	}

}
