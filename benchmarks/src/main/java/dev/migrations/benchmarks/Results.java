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

package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every measured call of one run, grouped into series by database, scenario, size and
 * tool.
 */
final class Results {

	static final String APPLY = "apply";

	static final String NOOP = "no-op";

	static final String COLD = "cold no-op";

	static final String BOOT = "Boot start-up";

	private final Map<Key, Series> series = new LinkedHashMap<>();

	void add(String database, String scenario, int size, String tool, double ms, long allocated, long peakHeap) {
		this.series.computeIfAbsent(new Key(database, scenario, size, tool), (key) -> new Series())
			.add(ms, allocated, peakHeap);
	}

	Series get(String database, String scenario, int size, String tool) {
		return this.series.get(new Key(database, scenario, size, tool));
	}

	Map<Key, Series> all() {
		return this.series;
	}

	/**
	 * What a series is about.
	 *
	 * @param database the database name
	 * @param scenario the scenario
	 * @param size N
	 * @param tool the contestant's label
	 */
	record Key(String database, String scenario, int size, String tool) {

	}

	/**
	 * The measured calls of one series.
	 */
	static final class Series {

		private final List<Double> millis = new ArrayList<>();

		private final List<Long> allocated = new ArrayList<>();

		private final List<Long> peakHeap = new ArrayList<>();

		void add(double ms, long allocated, long peakHeap) {
			this.millis.add(ms);
			if (allocated >= 0) {
				this.allocated.add(allocated);
			}
			if (peakHeap >= 0) {
				this.peakHeap.add(peakHeap);
			}
		}

		int count() {
			return this.millis.size();
		}

		double median() {
			return median(this.millis);
		}

		double min() {
			return Collections.min(this.millis);
		}

		double max() {
			return Collections.max(this.millis);
		}

		/** Median bytes allocated by the migrating thread per call, or -1. */
		double allocated() {
			return (this.allocated.isEmpty()) ? -1 : median(this.allocated);
		}

		/** Median peak heap growth during a call, or -1. */
		double peakHeap() {
			return (this.peakHeap.isEmpty()) ? -1 : median(this.peakHeap);
		}

		private static double median(List<? extends Number> values) {
			List<Double> sorted = new ArrayList<>();
			for (Number value : values) {
				sorted.add(value.doubleValue());
			}
			Collections.sort(sorted);
			int size = sorted.size();
			return (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
		}

	}

}
