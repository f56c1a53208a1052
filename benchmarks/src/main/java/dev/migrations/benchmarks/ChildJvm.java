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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a main class in a fresh JVM with a given classpath and reads the time it reports
 * on a line {@code BENCH_ELAPSED_NS <nanos>}.
 */
final class ChildJvm {

	static final String ELAPSED = "BENCH_ELAPSED_NS ";

	/** The same flags for every child, whatever it runs. */
	private static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-Dliquibase.analytics.enabled=false",
			"-Dfile.encoding=UTF-8");

	private ChildJvm() {
	}

	/**
	 * Run a main class and return the elapsed time it reported.
	 * @param classpath the classpath entries
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return the reported time in milliseconds
	 */
	static double run(List<String> classpath, String mainClass, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classpath));
		command.addAll(JVM_FLAGS);
		command.add(mainClass);
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("REDGATE_DISABLE_TELEMETRY", "true");
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = process.waitFor();
			Double elapsed = null;
			for (String line : output.split("\n")) {
				if (line.startsWith(ELAPSED)) {
					elapsed = Long.parseLong(line.substring(ELAPSED.length()).trim()) / 1e6;
				}
			}
			if (exit != 0 || elapsed == null) {
				throw new IllegalStateException("Child JVM " + mainClass + " " + args + " exited with " + exit
						+ "; its output:\n" + tail(output));
			}
			return elapsed;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + mainClass, ex);
		}
	}

	/**
	 * Read a classpath file written by the build ({@code target/classpath/<name>.txt}).
	 * @param module the benchmarks module directory
	 * @param name the file name without extension
	 * @return the entries
	 */
	static List<String> classpathFile(Path module, String name) {
		Path file = module.resolve("target/classpath/" + name + ".txt");
		try {
			String text = Files.readString(file).trim();
			return (text.isEmpty()) ? List.of() : List.of(text.split(File.pathSeparator));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + file + ": build the module first (see README)", ex);
		}
	}

	private static String tail(String output) {
		return (output.length() > 6000) ? "..." + output.substring(output.length() - 6000) : output;
	}

}
