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

package dev.migrations.test.generator.grown;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A new entity the migrations lack: a table with a foreign key to {@code accounts} and an
 * index.
 */
@Entity
@Table(name = "notes", indexes = @Index(name = "notes_account_id", columnList = "account_id"))
class Note {

	@Id
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "account_id")
	private Account account;

	@Column(nullable = false, length = 500)
	private String body;

}
