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

package dev.migrations.engine;

import dev.migrations.Migration;
import dev.migrations.MigrationKind;

/**
 * Implemented by migrations that are not plain Java beans (SQL files) to say what they
 * are and where they come from.
 */
public interface MigrationSource {

	/**
	 * Return what the migration is written as.
	 * @return the kind
	 */
	MigrationKind kind();

	/**
	 * Return where the migration comes from, for example a resource path.
	 * @return the source
	 */
	String source();

	/**
	 * Return where a migration comes from: its own answer if it is a
	 * {@code MigrationSource}, else its class name.
	 * @param migration the migration
	 * @return for example {@code com.example.V3__AddUsers} or a resource path
	 */
	static String of(Migration migration) {
		return (migration instanceof MigrationSource described) ? described.source()
				: userClass(migration.getClass()).getName();
	}

	/**
	 * The user's class behind a CGLIB subclass, as {@code ClassUtils.getUserClass} finds
	 * it, without loading {@code ClassUtils} and its caches on the start-up check's path
	 * (tens of ms in a cold JVM).
	 */
	private static Class<?> userClass(Class<?> type) {
		Class<?> superclass = type.getSuperclass();
		return (type.getName().contains("$$") && superclass != null && superclass != Object.class) ? superclass : type;
	}

}
