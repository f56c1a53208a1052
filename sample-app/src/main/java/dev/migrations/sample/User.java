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

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A user as JPA sees the {@code users} table the migrations build. The migrations own the
 * schema ({@code ddl-auto=none}); {@code SampleMigrationsTests} checks that this entity
 * and the migrations agree.
 */
@Entity
@Table(name = "users")
public class User {

	// SQLite's auto-numbered key is an "integer PRIMARY KEY" (64 bits there): without the
	// type code, Hibernate's validation expects the bigint a Long maps to. On PostgreSQL
	// (profile postgres) V1 declares bigint: drop the type code there.
	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@JdbcTypeCode(SqlTypes.INTEGER)
	private @Nullable Long id;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(nullable = false, length = 200, unique = true)
	private String email;

	@Column(name = "is_admin", nullable = false)
	private boolean admin;

	protected User() {
	}

	/**
	 * Create a user that is no admin.
	 * @param name the display name
	 * @param email the email address, unique among users
	 */
	public User(String name, String email) {
		this.name = name;
		this.email = email;
	}

	/**
	 * Return the id, or {@code null} before the user is saved.
	 * @return the id
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * Return the display name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the email address.
	 * @return the email
	 */
	public String getEmail() {
		return this.email;
	}

	/**
	 * Return whether the user is an admin.
	 * @return whether an admin
	 */
	public boolean isAdmin() {
		return this.admin;
	}

}
