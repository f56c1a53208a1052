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

package dev.migrations.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar in command mode, as the README shows: {@code status} and
 * {@code migrate} print their result and exit without starting the web server. Runs in
 * Maven's integration-test phase, after the jar is built.
 */
class SampleCommandJarIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void statusThenMigrateThenStatus() throws Exception {
		Path database = this.directory.resolve("command.db");
		String before = run(database, "status", 0);
		assertThat(before).contains("State: PENDING, current version 0, 8 pending")
			.containsPattern("8 +Index notes by user +PENDING")
			.doesNotContain("Tomcat");
		String migrated = run(database, "migrate", 0);
		assertThat(migrated).contains("dataSource: applied 8 migrations in")
			.contains("now at version 8 (was 0)")
			.contains("  UP 1 Create users (");
		assertThat(run(database, "status", 0)).contains("State: UP_TO_DATE, current version 8, 0 pending")
			.containsPattern("1 +Create users +APPLIED +20\\d\\d-");
	}

	@Test
	void unknownCommandExitsNonZero() throws Exception {
		assertThat(run(this.directory.resolve("unknown.db"), "upgrade", 1))
			.contains("migrations.command is 'upgrade', which is not a command");
	}

	private String run(Path database, String command, int exitCode) throws IOException, InterruptedException {
		Path log = Files.createTempFile(this.directory, command, ".log");
		Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar().toString(), "--migrations.command=" + command, "--sample.database=" + database)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(application.waitFor(120, TimeUnit.SECONDS)).as("command exited").isTrue();
		String output = Files.readString(log);
		assertThat(application.exitValue()).as(output).isEqualTo(exitCode);
		return output;
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("migrations-sample-app-.*\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No packaged sample application in target/. Run ./mvnw verify, which packages it first."));
		}
	}

}
