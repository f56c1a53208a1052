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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged jar as its own process, as a user would, and talks to it over HTTP.
 * Runs in Maven's integration-test phase, after the jar is built.
 */
class SampleJarIntegrationTests {

	@TempDir
	Path directory;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * The jar as built, and the same jar started from the code that
	 * {@code spring-boot:process-aot} generated at build time, as a native image would
	 * run (GraalVM itself is not on the build machines): its Java and SQL migrations
	 * apply alike.
	 */
	@ParameterizedTest(name = "ahead-of-time processed: {0}")
	@ValueSource(booleans = { false, true })
	void packagedJarMigratesAndServesTheEndpoint(boolean aot) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		if (aot) {
			command.add("-Dspring.aot.enabled=true");
		}
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port,
				"--sample.database=" + this.directory.resolve("e2e.db")));
		Process application = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> lines = new CopyOnWriteArrayList<>();
		try {
			CompletableFuture<Boolean> started = CompletableFuture
				.supplyAsync(() -> waitForStartedLine(application, lines));
			assertThat(started.get(120, TimeUnit.SECONDS)).as("application migrated").isTrue();
			assertThat(lines.stream().anyMatch((line) -> line.contains("Starting AOT-processed")))
				.as("started from the AOT-generated code")
				.isEqualTo(aot);
			assertThat(lines).as("Java and SQL migrations applied")
				.anyMatch((line) -> line.contains("dataSource: applied 1 (Create users)"))
				.anyMatch((line) -> line.contains("dataSource: applied 2 (create notes)"));
			HttpResponse<String> migrations = get(port, "/actuator/migrations");
			assertThat(migrations.statusCode()).isEqualTo(200);
			assertThat(migrations.body()).contains("\"state\":\"UP_TO_DATE\"")
				.contains("\"currentVersion\":\"8\"")
				.contains("\"kind\":\"SQL\"")
				.doesNotContain("jdbc:");
			assertThat(get(port, "/actuator/health").body()).contains("\"migrations\"");
			assertThat(get(port, "/users").body()).contains("ada@example.org");
			HttpResponse<String> post = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"rollback\",\"steps\":1}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(post.statusCode()).as("write access is closed by default").isEqualTo(405);
		}
		finally {
			application.destroy();
			assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("application stopped").isTrue();
		}
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static boolean waitForStartedLine(Process application, List<String> lines) {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null) {
				lines.add(line);
				// The run ends after "Started": wait for its summary, then readiness is
				// up.
				if (line.contains("dataSource: applied") && line.contains("now at version")) {
					drain(application);
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Keep reading the output so the process never blocks on a full pipe. */
	private static void drain(Process application) {
		Thread drainer = new Thread(() -> {
			try {
				application.getInputStream().transferTo(OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				// The process ended.
			}
		});
		drainer.setDaemon(true);
		drainer.start();
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
