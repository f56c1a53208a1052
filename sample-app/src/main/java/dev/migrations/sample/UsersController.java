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

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and their notes, on the schema the migrations built.
 */
@RestController
class UsersController {

	private final JdbcTemplate jdbc;

	UsersController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/users")
	List<Map<String, Object>> users() {
		return this.jdbc.queryForList("SELECT id, name, email, is_admin FROM users ORDER BY id");
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	void addUser(@RequestBody NewUser user) {
		this.jdbc.update("INSERT INTO users (name, email, is_admin) VALUES (?, lower(?), ?)", user.name(), user.email(),
				user.admin());
	}

	@GetMapping("/users/{id}/notes")
	List<Map<String, Object>> notes(@PathVariable long id) {
		return this.jdbc.queryForList("SELECT id, body, created_at FROM notes WHERE user_id = ? ORDER BY id", id);
	}

	@PostMapping("/users/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	void addNote(@PathVariable long id, @RequestBody NewNote note) {
		this.jdbc.update("INSERT INTO notes (user_id, body) VALUES (?, ?)", id, note.body());
	}

	record NewUser(String name, String email, boolean admin) {
	}

	record NewNote(String body) {
	}

}
