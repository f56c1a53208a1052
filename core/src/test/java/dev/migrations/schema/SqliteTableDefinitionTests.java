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

package dev.migrations.schema;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.ColumnDefinition;
import dev.migrations.schema.TableChange.ConstraintKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing SQLite {@code CREATE TABLE} statements for rebuilds.
 */
class SqliteTableDefinitionTests {

	private static final String USERS = "CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
			+ "  name varchar(50) COLLATE NOCASE NOT NULL DEFAULT 'it''s',\n"
			+ "  age integer CONSTRAINT ck_age CHECK (age > 0) DEFAULT (1 + 1),\n"
			+ "  team_id integer CONSTRAINT fk_team REFERENCES teams (id) ON DELETE SET NULL,\n"
			+ "  CONSTRAINT uq_name UNIQUE (name, age)) STRICT";

	@Test
	void untouchedDefinitionIsWrittenBackAsItWas() {
		assertThat(SqliteTableDefinition.parse("users", USERS).createSql("users")).isEqualTo(USERS);
	}

	@Test
	void changesKeepWhatTheyDoNotTouch() {
		SqliteTableDefinition definition = SqliteTableDefinition.parse("users", USERS);
		definition.apply(new TableChange.ChangeType("name", "text"));
		definition.apply(new TableChange.SetNotNull("name", false));
		definition.apply(new TableChange.SetDefault("age", null));
		definition.apply(new TableChange.AddColumn(ColumnDefinition.of("email", "text").withDefault("lower('X')")));
		assertThat(definition.createSql("new_users")).contains("id INTEGER PRIMARY KEY AUTOINCREMENT")
			.contains("name text COLLATE NOCASE DEFAULT 'it''s'")
			.contains("age integer CONSTRAINT ck_age CHECK (age > 0),")
			.contains("team_id integer CONSTRAINT fk_team REFERENCES teams (id) ON DELETE SET NULL")
			.contains("\"email\" text DEFAULT (lower('X'))")
			.endsWith(") STRICT");
	}

	@Test
	void namedConstraintsAreFoundAndDropped() {
		SqliteTableDefinition definition = SqliteTableDefinition.parse("users", USERS);
		assertThat(definition.constraintNames(ConstraintKind.CHECK)).containsExactly("ck_age");
		assertThat(definition.constraintNames(ConstraintKind.FOREIGN_KEY)).containsExactly("fk_team");
		assertThat(definition.constraintNames(ConstraintKind.UNIQUE)).containsExactly("uq_name");
		assertThat(definition.foreignKeyNames()).containsEntry(List.of("team_id"), "fk_team");
		assertThat(definition.checks()).containsExactly(new CheckConstraint("ck_age", "age > 0"));
		definition.apply(new TableChange.DropConstraint("ck_age", ConstraintKind.CHECK));
		definition.apply(new TableChange.DropConstraint("fk_team", ConstraintKind.FOREIGN_KEY));
		definition.apply(new TableChange.DropConstraint("uq_name", ConstraintKind.UNIQUE));
		assertThat(definition.createSql("users")).doesNotContain("ck_age")
			.doesNotContain("REFERENCES")
			.doesNotContain("uq_name")
			.contains("age integer DEFAULT (1 + 1)");
	}

}
