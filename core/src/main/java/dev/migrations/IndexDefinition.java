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

package dev.migrations;

import java.util.List;

import org.springframework.util.Assert;

/**
 * An index of a table, as {@link SchemaReader#indexes(String)} reports it. Unique
 * constraints are backed by unique indexes and show up here too; the primary key's index
 * does not.
 *
 * @param name the index name (on SQLite, indexes behind {@code UNIQUE} constraints are
 * named {@code sqlite_autoindex_<table>_<n>})
 * @param columns the indexed columns in order; an expression appears as its SQL text
 * @param unique whether the index is unique
 * @since 0.1.0
 */
public record IndexDefinition(String name, List<String> columns, boolean unique) {

	public IndexDefinition {
		Assert.hasText(name, "'name' must not be empty");
		columns = List.copyOf(columns);
	}

}
