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

package dev.migrations.benchmarks.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a minimal application, reports how long {@code SpringApplication.run} took
 * (start-up migrations included: ours run on {@code ApplicationReadyEvent}, before
 * {@code run} returns) and exits.
 */
public final class BootLauncher {

	private BootLauncher() {
	}

	/**
	 * Run the application once and print {@code BENCH_ELAPSED_NS <nanos>}.
	 * @param application the application class
	 * @param args the command-line arguments
	 */
	public static void run(Class<?> application, String[] args) {
		long start = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(application, args);
		long elapsed = System.nanoTime() - start;
		context.close();
		System.out.println("BENCH_ELAPSED_NS " + elapsed);
		System.exit(0);
	}

}
