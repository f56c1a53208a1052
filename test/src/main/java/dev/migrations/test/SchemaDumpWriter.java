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

package dev.migrations.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseStatus;
import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;
import dev.migrations.MigratorSettings;
import dev.migrations.schema.SchemaDump;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * Writes the schema dump of an application's database, for
 * {@code migrations.fresh-schema}: starts the application without a web server and
 * without running anything by itself, replays every migration on an empty database,
 * writes {@link Migrator#dumpSchema()} to a file and stops. <pre class="code">
 * java dev.migrations.test.SchemaDumpWriter com.example.Application src/main/resources/db/schema.sql \
 *     --temporary-sqlite
 * </pre> Arguments: the application's main class, the file to write (default
 * {@value #DEFAULT_OUTPUT}), then options: {@code --temporary-sqlite} migrates a new
 * SQLite file that is deleted afterwards, {@code --data-source=name} dumps that
 * DataSource instead of the primary one; every other {@code --key=value} goes to the
 * application, such as {@code --spring.datasource.url=…} of an empty PostgreSQL database.
 *
 * @since 0.1.0
 */
public final class SchemaDumpWriter {

	/** Where the dump goes unless another file is named. */
	public static final String DEFAULT_OUTPUT = "src/main/resources/db/schema.sql";

	private static final String TEMPORARY_SQLITE = "--temporary-sqlite";

	private static final String DATA_SOURCE = "--data-source=";

	private SchemaDumpWriter() {
	}

	/**
	 * Write the dump as the arguments say.
	 * @param args the main class, the output file, then options
	 * @throws Exception when the application cannot start or the file cannot be written
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].startsWith("--")) {
			throw new IllegalArgumentException("Name the application's main class first, for example: "
					+ "SchemaDumpWriter com.example.Application " + DEFAULT_OUTPUT + " " + TEMPORARY_SQLITE);
		}
		Class<?> application = Class.forName(args[0], false, Thread.currentThread().getContextClassLoader());
		List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
		Path output = Path.of((!rest.isEmpty() && !rest.get(0).startsWith("--")) ? rest.remove(0) : DEFAULT_OUTPUT);
		String dataSource = null;
		boolean temporarySqlite = false;
		List<String> applicationArgs = new ArrayList<>();
		for (String arg : rest) {
			if (arg.equals(TEMPORARY_SQLITE)) {
				temporarySqlite = true;
			}
			else if (arg.startsWith(DATA_SOURCE)) {
				dataSource = arg.substring(DATA_SOURCE.length());
			}
			else {
				applicationArgs.add(arg);
			}
		}
		Path directory = (temporarySqlite) ? Files.createTempDirectory("schema-dump") : null;
		try {
			if (directory != null) {
				applicationArgs.add("--spring.datasource.url=jdbc:sqlite:" + directory.resolve("schema-dump.db"));
			}
			String dump = write(application, output, dataSource, applicationArgs.toArray(String[]::new));
			System.out.println("Wrote the schema at version " + SchemaDump.version(dump) + " to " + output);
		}
		finally {
			if (directory != null) {
				FileSystemUtils.deleteRecursively(directory);
			}
		}
	}

	/**
	 * Start the application, replay every migration on its (empty) database, write the
	 * dump to the file and stop the application.
	 * @param application the application's main class or configuration
	 * @param output the file to write; missing directories are created
	 * @param dataSource the DataSource bean name, or {@code null} for the primary one
	 * @param args arguments for the application, such as
	 * {@code --spring.datasource.url=…}
	 * @return the dump
	 * @throws IOException when the file cannot be written
	 * @throws MigrationException when the database is not empty, or a migration fails
	 */
	public static String write(Class<?> application, Path output, @Nullable String dataSource, String... args)
			throws IOException {
		Assert.notNull(application, "'application' must not be null");
		Assert.notNull(output, "'output' must not be null");
		List<String> all = new ArrayList<>(Arrays.asList(args));
		// Replay every migration: nothing may start from an older dump, and nothing runs
		// before the database was checked to be empty.
		all.add("--migrations.run-on=manual");
		all.add("--migrations.fresh-schema=");
		SpringApplication app = new SpringApplication(application);
		app.setMainApplicationClass(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		String dump;
		try (ConfigurableApplicationContext context = app.run(all.toArray(String[]::new))) {
			MigratorRegistry registry = context.getBean(MigratorRegistry.class);
			Migrator migrator = (dataSource != null) ? registry.get(dataSource) : registry.primary();
			requireEmpty(migrator, context.getBean(migrator.dataSourceName(), DataSource.class),
					"schema dump must come from");
			migrator.migrate();
			dump = migrator.dumpSchema();
		}
		Path parent = output.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(output, dump, StandardCharsets.UTF_8);
		return dump;
	}

	static void requireEmpty(Migrator migrator, DataSource dataSource, String purpose) {
		DatabaseStatus status = migrator.status();
		boolean empty = status.history().isEmpty()
				&& MigrationTester.snapshot(dataSource, MigratorSettings.defaults(migrator.dataSourceName()))
					.tables()
					.isEmpty();
		if (!empty) {
			throw new MigrationException("DataSource '" + migrator.dataSourceName() + "' has tables already, but the "
					+ purpose + " replaying every migration on an empty database. Point the "
					+ "application at an empty one (--spring.datasource.url=…), or pass " + TEMPORARY_SQLITE + ".");
		}
	}

}
