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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;
import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;
import dev.migrations.dialect.Dialect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.FileSystemUtils;

/**
 * Writes the next migration from an application's JPA entities: starts the application
 * without a web server and without running anything by itself, applies every migration to
 * an empty database, asks Hibernate for the statements its schema update would run to
 * bring that schema to the entities (as a script for the application's dialect, never
 * executed) and writes them as {@code V<timestamp>__<Description>.java} with an
 * {@code up} and the {@code down} that reverses them, or as {@code .sql} and
 * {@code .down.sql}. When the entities and migrations agree it writes nothing.
 * <pre class="code">
 * java dev.migrations.test.MigrationGenerator com.example.Application src/main/java \
 *     --package=com.example.migrations --description=AddNickname --temporary-sqlite
 * </pre> Arguments: the application's main class, the source folder to write into
 * (default {@value #DEFAULT_JAVA_OUTPUT}, or {@value #DEFAULT_SQL_OUTPUT} with
 * {@code --sql}), then options: {@code --package=} of the class (default: the
 * application's package plus {@code .migrations}), {@code --description=} in CamelCase
 * (default {@value #DEFAULT_DESCRIPTION}), {@code --sql} for an SQL migration,
 * {@code --temporary-sqlite} to migrate a new SQLite file deleted afterwards; every other
 * {@code --key=value} goes to the application, such as {@code --spring.datasource.url=…}
 * of an empty PostgreSQL or MariaDB database.
 * <p>
 * Hibernate only creates and adds: the file's header says so, and what must be dropped,
 * renamed or changed is left to the developer.
 *
 * @since 0.2.0
 */
public final class MigrationGenerator {

	/** Where a Java migration goes unless another folder is named. */
	public static final String DEFAULT_JAVA_OUTPUT = "src/main/java";

	/** Where an SQL migration goes unless another folder is named. */
	public static final String DEFAULT_SQL_OUTPUT = "src/main/resources/db/migrations";

	/** The description unless another is given. */
	public static final String DEFAULT_DESCRIPTION = "MatchEntities";

	private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyy_MM_dd_HHmmss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Class<?> application;

	private final String packageName;

	private final String description;

	private final boolean sql;

	private final List<String> arguments;

	private final Clock clock;

	private MigrationGenerator(Class<?> application, String packageName, String description, boolean sql,
			List<String> arguments, Clock clock) {
		this.application = application;
		this.packageName = packageName;
		this.description = description;
		this.sql = sql;
		this.arguments = List.copyOf(arguments);
		this.clock = clock;
	}

	/**
	 * Return a generator for the given application, writing a Java migration into the
	 * application's package plus {@code .migrations}.
	 * @param application the application's main class or configuration
	 * @return the generator
	 */
	public static MigrationGenerator of(Class<?> application) {
		Assert.notNull(application, "'application' must not be null");
		return new MigrationGenerator(application, application.getPackageName() + ".migrations", DEFAULT_DESCRIPTION,
				false, List.of(), Clock.systemUTC());
	}

	/**
	 * Return a generator that writes the class into the given package.
	 * @param packageName the package, such as {@code com.example.migrations}
	 * @return a new generator
	 */
	public MigrationGenerator packageName(String packageName) {
		Assert.isTrue(packageName != null && packageName.matches("([A-Za-z_$][\\w$]*)(\\.[A-Za-z_$][\\w$]*)*"),
				() -> "'packageName' must be a Java package name, but was '" + packageName + "'");
		return new MigrationGenerator(this.application, packageName, this.description, this.sql, this.arguments,
				this.clock);
	}

	/**
	 * Return a generator that names the migration with the given description.
	 * @param description words in CamelCase, such as {@code AddNicknameToAccounts}
	 * @return a new generator
	 */
	public MigrationGenerator description(String description) {
		Assert.isTrue(description != null && description.matches("[A-Za-z][A-Za-z0-9]*"), () -> "'description' "
				+ "must be letters and digits in CamelCase, such as AddNickname, but was '" + description + "'");
		return new MigrationGenerator(this.application, this.packageName, description, this.sql, this.arguments,
				this.clock);
	}

	/**
	 * Return a generator that writes an SQL migration ({@code .sql} and
	 * {@code .down.sql}) instead of a Java class.
	 * @return a new generator
	 */
	public MigrationGenerator sql() {
		return new MigrationGenerator(this.application, this.packageName, this.description, true, this.arguments,
				this.clock);
	}

	/**
	 * Return a generator that starts the application with the given arguments.
	 * @param arguments such as {@code --spring.datasource.url=…} of an empty database
	 * @return a new generator
	 */
	public MigrationGenerator arguments(String... arguments) {
		Assert.noNullElements(arguments, "'arguments' must not contain null");
		return new MigrationGenerator(this.application, this.packageName, this.description, this.sql,
				Arrays.asList(arguments), this.clock);
	}

	/**
	 * Return a generator that takes the version from the given clock.
	 * @param clock the clock, in tests a fixed one
	 * @return a new generator
	 */
	public MigrationGenerator clock(Clock clock) {
		Assert.notNull(clock, "'clock' must not be null");
		return new MigrationGenerator(this.application, this.packageName, this.description, this.sql, this.arguments,
				clock);
	}

	/**
	 * Start the application, apply every migration to its (empty) database, and write the
	 * migration that brings it to the entities.
	 * @param sourceFolder the source folder: a Java class goes into its package's
	 * directory below it, SQL files straight into it; missing directories are created
	 * @return the files written, empty when the entities and migrations agree
	 * @throws IOException when a file cannot be written
	 * @throws MigrationException when the database is not empty, or a migration fails
	 * @throws IllegalStateException when Hibernate is missing or the application has no
	 * single {@code EntityManagerFactory}
	 */
	public List<Path> writeTo(Path sourceFolder) throws IOException {
		Assert.notNull(sourceFolder, "'sourceFolder' must not be null");
		if (!ClassUtils.isPresent("org.hibernate.jpa.boot.spi.Bootstrap", this.application.getClassLoader())) {
			throw new IllegalStateException("MigrationGenerator asks Hibernate for the statements, but Hibernate is "
					+ "not on the classpath of " + this.application.getName() + ". Add spring-boot-starter-data-jpa "
					+ "(and for SQLite org.hibernate.orm:hibernate-community-dialects).");
		}
		MigrationSource source = generate();
		if (source.statements().isEmpty()) {
			return List.of();
		}
		if (!this.sql) {
			Path directory = sourceFolder.resolve(this.packageName.replace('.', '/'));
			return List.of(write(directory.resolve(source.name() + ".java"), source.java()));
		}
		String file = source.name().replaceFirst("__.*", "__" + snakeCase(this.description));
		List<Path> files = new ArrayList<>();
		files.add(write(sourceFolder.resolve(file + ".sql"), source.sql()));
		String down = source.downSql();
		if (down != null) {
			files.add(write(sourceFolder.resolve(file + ".down.sql"), down));
		}
		return files;
	}

	private MigrationSource generate() {
		List<String> all = new ArrayList<>(this.arguments);
		all.add("--migrations.run-on=manual");
		all.add("--migrations.fresh-schema=");
		all.add("--spring.jpa.hibernate.ddl-auto=none");
		SpringApplication app = new SpringApplication(this.application);
		app.setMainApplicationClass(this.application);
		app.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = app.run(all.toArray(String[]::new))) {
			Migrator migrator = context.getBean(MigratorRegistry.class).primary();
			DataSource dataSource = context.getBean(migrator.dataSourceName(), DataSource.class);
			SchemaDumpWriter.requireEmpty(migrator, dataSource, "migration must be generated from");
			migrator.migrate();
			EntitySchema entities = EntitySchema.of(entityManagerFactory(context), dataSource);
			List<SchemaStatement> statements = entities.updateStatements()
				.stream()
				.map(SchemaStatement::parse)
				.toList();
			String name = "V" + VERSION.format(this.clock.instant()) + "__" + this.description;
			return new MigrationSource(this.packageName, name, kind(dataSource), this.application.getName(),
					statements);
		}
	}

	private EntityManagerFactory entityManagerFactory(ConfigurableApplicationContext context) {
		EntityManagerFactory entityManagerFactory = context.getBeanProvider(EntityManagerFactory.class).getIfUnique();
		if (entityManagerFactory == null) {
			throw new IllegalStateException("Application " + this.application.getName() + " has no single "
					+ "EntityManagerFactory bean, so there are no JPA entities to generate a migration from. Add "
					+ "spring-boot-starter-data-jpa and entities, or mark one EntityManagerFactory @Primary.");
		}
		return entityManagerFactory;
	}

	private static DatabaseKind kind(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return Dialect.of(connection).kind();
		}
		catch (SQLException ex) {
			throw new MigrationException("Reading the database kind failed: " + ex.getMessage(), ex);
		}
	}

	private static Path write(Path file, String content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	private static String snakeCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Write the migration as the arguments say, or print that nothing is to be written.
	 * @param args the main class, the source folder, then options
	 * @throws Exception when the application cannot start or a file cannot be written
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].startsWith("--")) {
			throw new IllegalArgumentException("Name the application's main class first, for example: "
					+ "MigrationGenerator com.example.Application " + DEFAULT_JAVA_OUTPUT
					+ " --package=com.example.migrations --description=AddNickname --temporary-sqlite");
		}
		Class<?> application = Class.forName(args[0], false, Thread.currentThread().getContextClassLoader());
		List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
		String folder = (!rest.isEmpty() && !rest.get(0).startsWith("--")) ? rest.remove(0) : null;
		MigrationGenerator generator = MigrationGenerator.of(application);
		boolean temporarySqlite = false;
		List<String> applicationArgs = new ArrayList<>();
		for (String arg : rest) {
			if (arg.equals("--sql")) {
				generator = generator.sql();
			}
			else if (arg.equals("--temporary-sqlite")) {
				temporarySqlite = true;
			}
			else if (arg.startsWith("--package=")) {
				generator = generator.packageName(arg.substring("--package=".length()));
			}
			else if (arg.startsWith("--description=")) {
				generator = generator.description(arg.substring("--description=".length()));
			}
			else {
				applicationArgs.add(arg);
			}
		}
		Path output = Path.of((folder != null) ? folder : (generator.sql) ? DEFAULT_SQL_OUTPUT : DEFAULT_JAVA_OUTPUT);
		@Nullable Path directory = (temporarySqlite) ? Files.createTempDirectory("migration-generator") : null;
		try {
			if (directory != null) {
				applicationArgs.add("--spring.datasource.url=jdbc:sqlite:" + directory.resolve("generator.db"));
			}
			List<Path> files = generator.arguments(applicationArgs.toArray(String[]::new)).writeTo(output);
			if (files.isEmpty()) {
				System.out.println("The entities and migrations agree: no migration written.");
			}
			files.forEach((file) -> System.out.println("Wrote " + file));
		}
		finally {
			if (directory != null) {
				FileSystemUtils.deleteRecursively(directory);
			}
		}
	}

}
