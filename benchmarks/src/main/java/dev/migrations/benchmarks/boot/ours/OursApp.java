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

package dev.migrations.benchmarks.boot.ours;

import dev.migrations.benchmarks.boot.BootLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Boot with our starter; the migration beans are generated into a subpackage, or
 * SQL files are on the classpath.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class OursApp {

	public static void main(String[] args) {
		BootLauncher.run(OursApp.class, args);
	}

}
