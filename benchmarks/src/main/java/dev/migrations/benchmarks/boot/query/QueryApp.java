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

package dev.migrations.benchmarks.boot.query;

import dev.migrations.benchmarks.boot.BootLauncher;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Boot with starter-jdbc and one query at start-up: what any tool's first
 * connection costs; with plain beans generated into a subpackage, what Spring charges for
 * that many component classes.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class QueryApp {

	public static void main(String[] args) {
		BootLauncher.run(QueryApp.class, args);
	}

	@Bean
	ApplicationRunner oneQuery(JdbcTemplate jdbc) {
		return (arguments) -> jdbc.queryForObject("SELECT 1", Integer.class);
	}

}
