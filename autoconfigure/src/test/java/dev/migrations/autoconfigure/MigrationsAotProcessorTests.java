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

package dev.migrations.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing of a context with migrations, as
 * {@code spring-boot:process-aot} runs it: {@code META-INF/spring/aot.factories} brings
 * {@link MigrationsAotProcessor} in.
 */
class MigrationsAotProcessorTests {

	@Test
	void migrationClassesKeepTheirPublicMethodsAndDefaultSqlFilesStayResources() {
		RuntimeHints hints = processAheadOfTime(new MockEnvironment());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(V1__CreateUsers.class)
			.withMemberCategory(MemberCategory.INTROSPECT_PUBLIC_METHODS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/V2__add_index.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/2026/V3__x.down.sql")).accepts(hints);
	}

	@Test
	void configuredClasspathLocationsAndFreshSchemasAreKeptAndFilesystemOnesAreNot() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("migrations.locations", "classpath:/sql/app/,filesystem:/opt/sql")
			.withProperty("migrations.fresh-schema", "classpath:db/schema.sql")
			.withProperty("migrations.data-sources.audit.locations", "classpath:sql/audit");
		RuntimeHints hints = processAheadOfTime(environment);
		assertThat(RuntimeHintsPredicates.resource().forResource("sql/app/V1__x.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("sql/audit/V1__x.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/schema.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/V1__x.sql")).rejects(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("opt/sql/V1__x.sql")).rejects(hints);
	}

	private static RuntimeHints processAheadOfTime(MockEnvironment environment) {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.setEnvironment(environment);
			context.registerBean(V1__CreateUsers.class);
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get("com.example", "Application")), new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			return generationContext.getRuntimeHints();
		}
	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
		}

	}

}
