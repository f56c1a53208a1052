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

/**
 * A migration without a version that runs again whenever its checksum changes: views,
 * functions, procedures, grants, anything recreated as a whole. Repeatable migrations run
 * after every versioned one, ordered by description, the first time and then each time
 * their checksum differs from the one last applied.
 * <p>
 * Name the class {@code R__<Description>} (for example {@code R__CreateUserView}) and
 * write {@link #up(MigrationContext)}, which must be safe to run again (such as
 * {@code CREATE OR REPLACE VIEW}), and {@link #checksum()}: Java code has no content the
 * engine could hash reliably, so the migration says when it changed, for example by a
 * revision number bumped with each edit. <pre class="code">
 * &#64;Component
 * class R__CreateUserView implements RepeatableMigration {
 *
 *     public void up(MigrationContext ctx) {
 *         ctx.jdbc().execute("CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE active");
 *     }
 *
 *     public String checksum() {
 *         return "2";
 *     }
 *
 * }
 * </pre>
 * <p>
 * A repeatable migration is a {@link Migration}, so it is collected, grouped by
 * {@link #dataSource()} and handed to a {@link Migrator} as every other migration is; the
 * engine tells it apart by this type. It has no version: {@link #version()} throws.
 * Rollback reverses it only when it declares {@link #down(MigrationContext)}.
 *
 * @since 0.3.0
 */
public interface RepeatableMigration extends Migration {

	/**
	 * A repeatable migration has no version; the engine never asks for one.
	 * @return never
	 * @throws MigrationException always
	 */
	@Override
	default String version() {
		throw new MigrationException("Repeatable migration " + getClass().getName()
				+ " has no version: it runs whenever its checksum changes. Ask for its description instead.");
	}

	/**
	 * Return a human readable description, which also orders repeatable migrations and
	 * must be unique among them: by default the class name after {@code R__}, split into
	 * words ({@code R__CreateUserView} becomes {@code Create user view}).
	 * @return the description
	 * @throws MigrationException if the class is not named {@code R__<Description>} and
	 * does not override this method
	 */
	@Override
	default String description() {
		return MigrationName.repeatableDescriptionOf(this);
	}

	/**
	 * Return a checksum of what the migration does; when it differs from the one last
	 * applied, the migration runs again. Change it with every change to {@code up}.
	 * @return the checksum, never {@code null}
	 */
	@Override
	String checksum();

}
