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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run measures, from the command line. Without arguments: the full run of issue
 * 9; {@code --quick} for a smoke run of every scenario with tiny sizes and one round.
 *
 * @param quick whether this is a smoke run
 * @param sizes the N of the apply, no-op and cold no-op scenarios
 * @param warmups warm-up rounds per size
 * @param rounds measured rounds per size
 * @param largeSize the N of the large no-op
 * @param largeWarmups its warm-up rounds
 * @param largeRounds its measured rounds
 * @param bootSize the N applied for the Boot start-up
 * @param bootWarmups its warm-up rounds
 * @param bootRounds its measured rounds
 * @param databases {@code postgresql} and/or {@code sqlite}
 * @param sections {@code main} (apply, no-op, cold no-op), {@code large}, {@code boot}
 * @param cold whether the no-op also runs in a fresh JVM per call
 * @param only contestant identifiers to run (a prefix such as {@code OursContestant}
 * matches all variants); empty for all
 * @param module the benchmarks module directory
 */
record Options(boolean quick, List<Integer> sizes, int warmups, int rounds, int largeSize, int largeWarmups,
		int largeRounds, int bootSize, int bootWarmups, int bootRounds, List<String> databases, List<String> sections,
		boolean cold, List<String> only, Path module) {

	static Options parse(String[] args) {
		boolean quick = List.of(args).contains("--quick");
		List<Integer> sizes = (quick) ? List.of(50) : List.of(100, 1000);
		int warmups = (quick) ? 0 : 1;
		int rounds = (quick) ? 1 : 9;
		int largeSize = (quick) ? 200 : 10_000;
		int largeWarmups = (quick) ? 0 : 1;
		int largeRounds = (quick) ? 1 : 3;
		int bootSize = (quick) ? 20 : 100;
		int bootWarmups = (quick) ? 0 : 1;
		int bootRounds = (quick) ? 1 : 40;
		List<String> databases = List.of("postgresql", "sqlite");
		List<String> sections = List.of("main", "large", "boot");
		boolean cold = true;
		List<String> only = List.of();
		for (String arg : args) {
			String value = arg.substring(arg.indexOf('=') + 1);
			if (arg.startsWith("--sizes=")) {
				sizes = new ArrayList<>();
				for (String size : value.split(",")) {
					sizes.add(Integer.parseInt(size.trim()));
				}
			}
			else if (arg.startsWith("--warmups=")) {
				warmups = Integer.parseInt(value);
			}
			else if (arg.startsWith("--rounds=")) {
				rounds = Integer.parseInt(value);
			}
			else if (arg.startsWith("--large-size=")) {
				largeSize = Integer.parseInt(value);
			}
			else if (arg.startsWith("--large-rounds=")) {
				largeRounds = Integer.parseInt(value);
			}
			else if (arg.startsWith("--boot-rounds=")) {
				bootRounds = Integer.parseInt(value);
			}
			else if (arg.startsWith("--databases=")) {
				databases = List.of(value.split(","));
			}
			else if (arg.startsWith("--sections=")) {
				sections = List.of(value.split(","));
			}
			else if (arg.startsWith("--only=")) {
				only = List.of(value.split(","));
			}
			else if (arg.equals("--no-cold")) {
				cold = false;
			}
			else if (!arg.equals("--quick")) {
				throw new IllegalArgumentException("Unknown argument " + arg + ". Use --quick, --sizes=100,1000, "
						+ "--warmups=1, --rounds=9, --large-size=10000, --large-rounds=3, --boot-rounds=40, "
						+ "--databases=postgresql,sqlite, --sections=main,large,boot --only=OursContestant:java,FloorContestant or --no-cold.");
			}
		}
		return new Options(quick, List.copyOf(sizes), warmups, rounds, largeSize, largeWarmups, largeRounds, bootSize,
				bootWarmups, bootRounds, databases, sections, cold, only, locateModule());
	}

	/**
	 * The module directory: {@code -Dbenchmarks.module}, else found from the working
	 * directory.
	 */
	private static Path locateModule() {
		String configured = System.getProperty("benchmarks.module");
		if (configured != null) {
			return Path.of(configured).toAbsolutePath();
		}
		for (Path candidate : List.of(Path.of("."), Path.of("benchmarks"))) {
			if (Files.isDirectory(candidate.resolve("target/classpath"))) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("Cannot find the benchmarks module: run from the repository root or "
				+ "benchmarks/, or set -Dbenchmarks.module, after building it (see README)");
	}

	List<String> select(List<String> contestants) {
		if (this.only.isEmpty()) {
			return contestants;
		}
		List<String> selected = new ArrayList<>();
		for (String id : contestants) {
			for (String wanted : this.only) {
				if (id.startsWith(wanted) && !selected.contains(id)) {
					selected.add(id);
				}
			}
		}
		return selected;
	}

	int largestSize() {
		int largest = 0;
		for (int size : this.sizes) {
			largest = Math.max(largest, size);
		}
		return largest;
	}

	int smallestSize() {
		int smallest = Integer.MAX_VALUE;
		for (int size : this.sizes) {
			smallest = Math.min(smallest, size);
		}
		return smallest;
	}

}
