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

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the users the migrations created.
 */
@RestController
class UsersController {

	private final JdbcTemplate jdbc;

	UsersController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/users")
	List<Map<String, Object>> users() {
		return this.jdbc.queryForList("SELECT id, name, is_admin FROM users ORDER BY id");
	}

}
