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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Runs every scenario of issue 9 and prints one table: Flyway and Liquibase against our
 * engine and a plain-JDBC floor, on PostgreSQL and SQLite. Each call gets a fresh
 * database, the contestants' order rotates from round to round, and after each call the
 * harness checks that exactly N tables exist.
 */
public final class Benchmarks {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private Benchmarks() {
	}

	/**
	 * Run the benchmarks.
	 * @param args see {@link Options}
	 * @throws Exception on any failure
	 */
	public static void main(String[] args) throws Exception {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("logback.configurationFile", "logback-benchmarks.xml");
		// Every tool logs at WARN here: Liquibase through java.util.logging, the others
		// through SLF4J.
		Logger.getLogger("").setLevel(Level.WARNING);
		Options options = Options.parse(args);
		Path work = options.module().resolve("target/benchmarks");
		List<BenchDatabase> databases = new ArrayList<>();
		for (String name : options.databases()) {
			databases
				.add(name.equalsIgnoreCase("sqlite") ? new SqliteBench(work.resolve("sqlite")) : new PostgresBench());
		}
		Instant started = Instant.now();
		Results results = new Results();
		if (options.sections().contains("main")) {
			for (BenchDatabase database : databases) {
				for (int size : options.sizes()) {
					main(results, options, database, Workload.prepare(work.resolve("workloads"), size));
				}
			}
		}
		if (options.sections().contains("large")) {
			for (BenchDatabase database : databases) {
				large(results, options, database, Workload.prepare(work.resolve("workloads"), options.largeSize()));
			}
		}
		if (options.sections().contains("boot")) {
			new BootScenario(options.module(), work, options.bootSize()).run(results, new PostgresBench(),
					options.bootWarmups(), options.bootRounds());
		}
		String report = report(results, options, databases, started);
		System.out.println(report);
		Files.createDirectories(work);
		Files.writeString(work.resolve("results.md"), report);
		progress("Written to " + work.resolve("results.md"));
	}

	/**
	 * Apply, no-op and cold no-op of every contestant, each round on a fresh database:
	 * the timed apply, then the timed no-op on what it left, then the no-op in a child
	 * JVM.
	 */
	private static void main(Results results, Options options, BenchDatabase database, Workload workload)
			throws Exception {
		List<String> contestants = options
			.select(List.of(Contestants.FLOOR, Contestants.OURS_JAVA, Contestants.OURS_SQL, Contestants.OURS_GROUPED,
					Contestants.FLYWAY_SQL, Contestants.FLYWAY_JAVA, Contestants.LIQUIBASE_SQL));
		int total = options.warmups() + options.rounds();
		for (int round = 0; round < total; round++) {
			boolean measured = round >= options.warmups();
			for (String id : rotate(contestants, round)) {
				Contestant contestant = Contestants.create(id);
				String label = contestant.label();
				try (BenchDatabase.Fresh fresh = database.create("main")) {
					DataSource dataSource = fresh.dataSource();
					Sample apply = measure(() -> contestant.migrate(dataSource, workload));
					checkTables(fresh, workload.size(), label);
					Sample noop = measure(() -> contestant.migrate(dataSource, workload));
					checkTables(fresh, workload.size(), label);
					fresh.closePool();
					double cold = Double.NaN;
					if (options.cold() && !id.equals(Contestants.OURS_GROUPED)) {
						cold = cold(options, id, fresh, workload);
						checkTables(fresh, workload.size(), label);
					}
					if (measured) {
						String name = database.name();
						results.add(name, Results.APPLY, workload.size(), label, apply.ms(), apply.allocated(),
								apply.peakHeap());
						results.add(name, Results.NOOP, workload.size(), label, noop.ms(), noop.allocated(),
								noop.peakHeap());
						if (!Double.isNaN(cold)) {
							results.add(name, Results.COLD, workload.size(), label, cold, -1, -1);
						}
					}
					progress(database.name() + " N=" + workload.size() + " round " + (round + 1) + "/" + total + " "
							+ label + ": apply " + Report.ms(apply.ms()) + " ms, no-op " + Report.ms(noop.ms())
							+ " ms, cold no-op " + (Double.isNaN(cold) ? "-" : Report.ms(cold)) + " ms");
				}
			}
		}
	}

	/**
	 * The no-op at a large N, for the floor and ours only: the peers' apply of 10,000
	 * migrations would take many minutes per round. Set up untimed, in one transaction.
	 */
	private static void large(Results results, Options options, BenchDatabase database, Workload workload)
			throws Exception {
		List<String> contestants = options
			.select(List.of(Contestants.FLOOR, Contestants.OURS_JAVA, Contestants.OURS_SQL));
		int total = options.largeWarmups() + options.largeRounds();
		for (int round = 0; round < total; round++) {
			for (String id : rotate(contestants, round)) {
				Contestant contestant = Contestants.create(id);
				String label = contestant.label();
				try (BenchDatabase.Fresh fresh = database.create("large")) {
					DataSource dataSource = fresh.dataSource();
					contestant.setUp(dataSource, workload);
					checkTables(fresh, workload.size(), label);
					Sample noop = measure(() -> contestant.migrate(dataSource, workload));
					checkTables(fresh, workload.size(), label);
					fresh.closePool();
					double cold = (options.cold()) ? cold(options, id, fresh, workload) : Double.NaN;
					if (round >= options.largeWarmups()) {
						results.add(database.name(), Results.NOOP, workload.size(), label, noop.ms(), noop.allocated(),
								noop.peakHeap());
						if (!Double.isNaN(cold)) {
							results.add(database.name(), Results.COLD, workload.size(), label, cold, -1, -1);
						}
					}
					progress(database.name() + " N=" + workload.size() + " round " + (round + 1) + "/" + total + " "
							+ label + ": no-op " + Report.ms(noop.ms()) + " ms, cold no-op "
							+ (Double.isNaN(cold) ? "-" : Report.ms(cold)) + " ms");
				}
			}
		}
	}

	private static double cold(Options options, String id, BenchDatabase.Fresh fresh, Workload workload) {
		List<String> classpath = new ArrayList<>();
		classpath.add(options.module().resolve("target/classes").toString());
		classpath.addAll(ChildJvm.classpathFile(options.module(), "drivers"));
		String tool = id.substring(0, id.indexOf(':'));
		switch (tool) {
			case "OursContestant" -> classpath.addAll(ChildJvm.classpathFile(options.module(), "ours"));
			case "FlywayContestant" -> classpath.addAll(ChildJvm.classpathFile(options.module(), "flyway"));
			case "LiquibaseContestant" -> classpath.addAll(ChildJvm.classpathFile(options.module(), "liquibase"));
			default -> {
			}
		}
		return ChildJvm.run(classpath, ColdNoop.class.getName(), List.of(id, fresh.url(), fresh.user(),
				workload.directory().toString(), Integer.toString(workload.size())));
	}

	static void checkTables(BenchDatabase.Fresh fresh, int expected, String label) throws Exception {
		int tables = fresh.countTables();
		if (tables != expected) {
			throw new IllegalStateException(label + " left " + tables + " tables t_<i> in " + fresh.url() + " where "
					+ expected + " were expected");
		}
	}

	private static List<String> rotate(List<String> items, int round) {
		List<String> rotated = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			rotated.add(items.get((i + round) % items.size()));
		}
		return rotated;
	}

	/**
	 * Time one call in this JVM, after a full GC: the elapsed time, the bytes the calling
	 * thread allocated and how far the heap's used size rose above where it started.
	 */
	private static Sample measure(Call call) throws Exception {
		List<MemoryPoolMXBean> heap = new ArrayList<>();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
				heap.add(pool);
			}
		}
		System.gc();
		long before = 0;
		for (MemoryPoolMXBean pool : heap) {
			pool.resetPeakUsage();
			before += pool.getUsage().getUsed();
		}
		long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		call.run();
		long elapsed = System.nanoTime() - start;
		long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
		long peak = 0;
		for (MemoryPoolMXBean pool : heap) {
			peak += pool.getPeakUsage().getUsed();
		}
		return new Sample(elapsed / 1e6, allocated, Math.max(0, peak - before));
	}

	private static String report(Results results, Options options, List<BenchDatabase> databases, Instant started) {
		List<String> names = new ArrayList<>();
		for (BenchDatabase database : databases) {
			names.add(database.name());
		}
		Report report = new Report(results, names, options.bootSize());
		StringBuilder out = new StringBuilder();
		out.append("## Results")
			.append((options.quick()) ? " (quick smoke run: sizes and rounds too small to judge)" : "")
			.append("\n\n");
		out.append("JDK ")
			.append(System.getProperty("java.version"))
			.append(", ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores; ")
			.append(options.warmups())
			.append(" warm-up + ")
			.append(options.rounds())
			.append(" measured rounds per size (N = ")
			.append(options.largeSize())
			.append(": ")
			.append(options.largeWarmups())
			.append(" + ")
			.append(options.largeRounds())
			.append("; Boot: ")
			.append(options.bootWarmups())
			.append(" + ")
			.append(options.bootRounds())
			.append("); run took ")
			.append(Duration.between(started, Instant.now())
				.truncatedTo(ChronoUnit.SECONDS)
				.toString()
				.substring(2)
				.toLowerCase())
			.append(".\n\n");
		out.append(report.migrationTable()).append('\n');
		if (options.sections().contains("boot")) {
			out.append(report.bootTable()).append('\n');
		}
		out.append("### Targets (medians of this run)\n\n");
		for (String line : report.targets(options.largestSize(), options.largeSize(), options.smallestSize())) {
			out.append(line).append('\n');
		}
		return out.toString();
	}

	static void progress(String message) {
		System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
	}

	/**
	 * A timed call.
	 */
	@FunctionalInterface
	private interface Call {

		void run() throws Exception;

	}

	/**
	 * One timed call.
	 *
	 * @param ms elapsed milliseconds
	 * @param allocated bytes allocated by the calling thread
	 * @param peakHeap how far the used heap rose during the call, in bytes
	 */
	private record Sample(double ms, long allocated, long peakHeap) {

	}

}
