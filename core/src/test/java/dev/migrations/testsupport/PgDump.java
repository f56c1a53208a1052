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

package dev.migrations.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the real {@code pg_dump --schema-only} on a test database, as the reference of
 * what a schema is. {@code pg_dump} comes from the {@code PATH}, else from
 * {@code /usr/lib/postgresql/<version>/bin}; when neither has it, tests fail with a
 * message saying how to install it.
 */
public final class PgDump {

	private PgDump() {
	}

	/**
	 * Dump the schema of a database, without comments, {@code SET} lines, blank lines and
	 * the {@code \restrict} lines whose key changes from run to run.
	 * @param jdbcUrl the database's JDBC URL, credentials included as parameters
	 * @return the normalized dump
	 * @throws IOException when pg_dump cannot be started
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	public static String schemaOnly(String jdbcUrl) throws IOException, InterruptedException {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		Map<String, String> parameters = parameters(uri.getQuery());
		List<String> command = new ArrayList<>(
				List.of(executable().toString(), "--schema-only", "--no-owner", "--no-privileges", "-h", uri.getHost(),
						"-p", String.valueOf((uri.getPort() != -1) ? uri.getPort() : 5432), "-U",
						parameters.getOrDefault("user", "postgres"), uri.getPath().substring(1)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (parameters.containsKey("password")) {
			builder.environment().put("PGPASSWORD", parameters.get("password"));
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pg_dump failed for " + uri.getPath() + ": " + output);
		}
		return output.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("--") && !line.startsWith("SET ")
					&& !line.startsWith("SELECT pg_catalog.set_config") && !line.startsWith("\\restrict ")
					&& !line.startsWith("\\unrestrict "))
			.collect(Collectors.joining("\n"));
	}

	private static Path executable() throws IOException {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(directory, "pg_dump");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Path installed = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(installed)) {
			try (Stream<Path> versions = Files.list(installed)) {
				Path newest = versions.map((version) -> version.resolve("bin/pg_dump"))
					.filter(Files::isExecutable)
					.max(Comparator.comparing(Path::toString))
					.orElse(null);
				if (newest != null) {
					return newest;
				}
			}
		}
		throw new IllegalStateException("pg_dump was not found on the PATH nor in /usr/lib/postgresql/*/bin, "
				+ "but this test compares with its output. Install the PostgreSQL client tools "
				+ "(apt-get install postgresql-client) or put pg_dump on the PATH.");
	}

	private static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query != null) {
			Arrays.stream(query.split("&")).map((pair) -> pair.split("=", 2)).forEach((pair) -> {
				parameters.put(pair[0], (pair.length > 1) ? pair[1] : "");
			});
		}
		return parameters;
	}

}
