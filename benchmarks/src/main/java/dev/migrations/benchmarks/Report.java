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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results as Markdown tables and checks the targets of issue 9.
 */
final class Report {

	static final List<String> TOOLS = List.of(Contestants.label(Contestants.FLOOR),
			Contestants.label(Contestants.OURS_JAVA), Contestants.label(Contestants.OURS_SQL),
			Contestants.label(Contestants.OURS_GROUPED), Contestants.label(Contestants.FLYWAY_SQL),
			Contestants.label(Contestants.FLYWAY_JAVA), Contestants.label(Contestants.LIQUIBASE_SQL));

	static final List<String> SCENARIOS = List.of(Results.APPLY, Results.NOOP, Results.COLD);

	private static final String FLOOR = Contestants.label(Contestants.FLOOR);

	private static final String OURS = Contestants.label(Contestants.OURS_JAVA);

	private static final String OURS_SQL = Contestants.label(Contestants.OURS_SQL);

	private final Results results;

	private final List<String> databases;

	private final int bootSize;

	Report(Results results, List<String> databases, int bootSize) {
		this.results = results;
		this.databases = databases;
		this.bootSize = bootSize;
	}

	String migrationTable() {
		StringBuilder out = new StringBuilder();
		out.append("| tool | database | scenario | N | median ms | min | max | ms/migration | × floor |");
		for (String peer : Contestants.PEERS) {
			out.append(" × ").append(Contestants.label(peer)).append(" |");
		}
		out.append(" alloc MB | peak heap MB |\n");
		out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		List<Results.Key> keys = new ArrayList<>(this.results.all().keySet());
		keys.removeIf((key) -> key.scenario().equals(Results.BOOT));
		keys.sort(Comparator.comparingInt((Results.Key key) -> this.databases.indexOf(key.database()))
			.thenComparingInt((key) -> SCENARIOS.indexOf(key.scenario()))
			.thenComparingInt(Results.Key::size)
			.thenComparingInt((key) -> TOOLS.indexOf(key.tool())));
		for (Results.Key key : keys) {
			Results.Series series = this.results.all().get(key);
			out.append("| ")
				.append(key.tool())
				.append(" | ")
				.append(key.database())
				.append(" | ")
				.append(key.scenario())
				.append(" | ")
				.append(key.size())
				.append(" | ");
			appendMedianMinMax(out, series).append(" | ")
				.append(perMigration(series.median() / key.size()))
				.append(" | ")
				.append(ratio(series, key, FLOOR))
				.append(" |");
			for (String peer : Contestants.PEERS) {
				out.append(' ').append(ratio(series, key, Contestants.label(peer))).append(" |");
			}
			out.append(' ')
				.append(megabytes(series.allocated()))
				.append(" | ")
				.append(megabytes(series.peakHeap()))
				.append(" |\n");
		}
		return out.toString();
	}

	private static StringBuilder appendMedianMinMax(StringBuilder out, Results.Series series) {
		return out.append(ms(series.median()))
			.append(" | ")
			.append(ms(series.min()))
			.append(" | ")
			.append(ms(series.max()));
	}

	String bootTable() {
		StringBuilder out = new StringBuilder();
		out.append("| Boot application (PostgreSQL, N = ")
			.append(this.bootSize)
			.append(" applied) | rounds | median ms | min | max | added over jdbc + 1 query |\n");
		out.append("|---|---:|---:|---:|---:|---:|\n");
		Results.Series query = boot(BootScenario.QUERY);
		for (String variant : BootScenario.LABELS) {
			Results.Series series = boot(variant);
			if (series == null) {
				continue;
			}
			out.append("| ").append(variant).append(" | ").append(series.count()).append(" | ");
			appendMedianMinMax(out, series).append(" | ")
				.append((query != null) ? ms(series.median() - query.median()) : "")
				.append(" |\n");
		}
		return out.toString();
	}

	List<String> targets(int size, int largeSize, int smallSize) {
		List<String> lines = new ArrayList<>();
		for (String database : this.databases) {
			for (String ours : List.of(OURS, OURS_SQL)) {
				check(lines, database + ", apply, N = " + size + ": " + ours + " within 1.1x of the floor",
						median(database, Results.APPLY, size, ours),
						1.1 * median(database, Results.APPLY, size, FLOOR));
			}
			check(lines, database + ", no-op, N = " + size + ": ours at most 2x the floor",
					median(database, Results.NOOP, size, OURS), 2 * median(database, Results.NOOP, size, FLOOR));
			for (String peer : Contestants.PEERS) {
				String label = Contestants.label(peer);
				check(lines, database + ", no-op, N = " + size + ": ours at least 5x faster than " + label,
						5 * median(database, Results.NOOP, size, OURS), median(database, Results.NOOP, size, label));
			}
			check(lines,
					database + ", no-op, N = " + largeSize + ": ours at most 3x its own N = " + smallSize + " figure",
					median(database, Results.NOOP, largeSize, OURS),
					3 * median(database, Results.NOOP, smallSize, OURS));
			String flywayJava = Contestants.label(Contestants.FLYWAY_JAVA);
			check(lines, database + ", cold no-op, N = " + size + ": ours at least 5x faster than " + flywayJava,
					5 * median(database, Results.COLD, size, OURS), median(database, Results.COLD, size, flywayJava));
		}
		Results.Series query = boot(BootScenario.QUERY);
		Results.Series ours = boot(BootScenario.OURS);
		bootTarget(lines, "SQL files", query, boot(BootScenario.OURS_SQL), boot(BootScenario.FLYWAY));
		bootTarget(lines, "Java beans", query, ours, boot(BootScenario.FLYWAY_JAVA));
		Results.Series plainBeans = boot(BootScenario.PLAIN_BEANS);
		if (ours != null && plainBeans != null) {
			lines.add("- info: Boot start-up, Java beans: ours adds " + ms(ours.median() - plainBeans.median())
					+ " ms over the same " + this.bootSize + " classes as plain beans");
		}
		else {
			lines.add("- n/a: Boot start-up, Java beans: ours over the same " + this.bootSize
					+ " classes as plain beans: a variant is missing");
		}
		return lines;
	}

	private void bootTarget(List<String> lines, String kind, Results.Series query, Results.Series ours,
			Results.Series flyway) {
		String target = "Boot start-up, " + kind
				+ ": ours adds at most a fifth of what Flyway's adds over jdbc + 1 query";
		if (query != null && ours != null && flyway != null) {
			check(lines, target + " (" + ms(ours.median() - query.median()) + " vs "
					+ ms(flyway.median() - query.median()) + " ms)", 5 * (ours.median() - query.median()),
					flyway.median() - query.median());
		}
		else {
			lines.add("- n/a: " + target + ": a variant is missing");
		}
	}

	private void check(List<String> lines, String target, double value, double limit) {
		if (Double.isNaN(value) || Double.isNaN(limit)) {
			lines.add("- n/a: " + target + " (not measured)");
			return;
		}
		lines.add("- " + ((value <= limit) ? "MET" : "MISSED") + ": " + target);
	}

	private double median(String database, String scenario, int size, String tool) {
		Results.Series series = this.results.get(database, scenario, size, tool);
		return (series != null) ? series.median() : Double.NaN;
	}

	private Results.Series boot(String variant) {
		return this.results.get("PostgreSQL", Results.BOOT, this.bootSize, variant);
	}

	private String ratio(Results.Series series, Results.Key key, String tool) {
		Results.Series other = this.results.get(key.database(), key.scenario(), key.size(), tool);
		if (other == null || other.median() <= 0) {
			return "";
		}
		double ratio = series.median() / other.median();
		return String.format(Locale.ROOT, (ratio < 10) ? "%.2f" : "%.0f", ratio);
	}

	static String ms(double ms) {
		if (Math.abs(ms) >= 100) {
			return String.format(Locale.ROOT, "%.0f", ms);
		}
		return String.format(Locale.ROOT, (Math.abs(ms) >= 10) ? "%.1f" : "%.2f", ms);
	}

	private static String perMigration(double ms) {
		return String.format(Locale.ROOT, (ms >= 0.1) ? "%.2f" : "%.4f", ms);
	}

	private static String megabytes(double bytes) {
		return (bytes < 0) ? "" : String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
	}

}
