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

/**
 * {@code MigrationTester}: up/down round trips, schema-dump and JPA entity checks for
 * users' own tests; it throws {@link java.lang.AssertionError} and needs no test
 * framework. {@code SchemaDumpWriter} and {@code MigrationGenerator} write a schema dump
 * and the next migration from the JPA entities.
 */
@NullMarked
package dev.migrations.test;

import org.jspecify.annotations.NullMarked;
