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

package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * {@code SpringApplication.run} of a minimal application on a PostgreSQL database with N
 * migrations already applied, each variant in its own child JVM with its own classpath:
 * starter-jdbc only, starter-jdbc plus one query (alone and with N plain
 * {@code @Component} classes), our starter and Boot's Flyway auto-configuration each with
 * N Java-bean migrations and with N SQL files, and Boot's Liquibase auto-configuration.
 * Generated classes are on their own variant's classpath only, in a subpackage of its
 * application. The first run of each variant applies its migrations (untimed); then come
 * the warm-up and the measured rounds, the order rotating.
 */
final class BootScenario {

	static final String JDBC = "starter-jdbc";

	static final String QUERY = "starter-jdbc + 1 query";

	static final String PLAIN_BEANS = "starter-jdbc + 1 query + N plain beans";

	static final String OURS = "our starter (Java beans)";

	static final String FLYWAY_JAVA = "Boot's Flyway (Java beans)";

	static final String OURS_SQL = "our starter (SQL files)";

	static final String FLYWAY = "Boot's Flyway (SQL files)";

	static final String LIQUIBASE = "Boot's Liquibase (SQL changelog)";

	/** The variants in the order they are reported: like-for-like pairs side by side. */
	static final List<String> LABELS = List.of(JDBC, QUERY, PLAIN_BEANS, OURS, FLYWAY_JAVA, OURS_SQL, FLYWAY,
			LIQUIBASE);

	private static final String APP = "dev.migrations.benchmarks.boot.";

	private static final String FLYWAY_LOCATION = "db/migration";

	private static final GeneratedBeans PLAIN_BEAN_CLASSES = new GeneratedBeans(APP + "query.generated", "",
			"\tpublic String sql() {\n\t\treturn \"%s\";\n\t}\n");

	private static final GeneratedBeans OURS_BEAN_CLASSES = new GeneratedBeans(APP + "ours.generated",
			"implements dev.migrations.Migration", "\tpublic void up(dev.migrations.MigrationContext context) {\n"
					+ "\t\tcontext.jdbc().execute(\"%s\");\n\t}\n");

	private static final GeneratedBeans FLYWAY_BEAN_CLASSES = new GeneratedBeans(APP + "flyway.generated",
			"extends org.flywaydb.core.api.migration.BaseJavaMigration",
			"\tpublic void migrate(org.flywaydb.core.api.migration.Context context) throws java.sql.SQLException {\n"
					+ "\t\ttry (java.sql.Statement statement = context.getConnection().createStatement()) {\n"
					+ "\t\t\tstatement.execute(\"%s\");\n\t\t}\n\t}\n");

	private final Path module;

	private final Path work;

	private final int size;

	BootScenario(Path module, Path work, int size) {
		this.module = module;
		this.work = work.resolve("boot-n" + size);
		this.size = size;
	}

	void run(Results results, BenchDatabase postgres, int warmups, int rounds) throws Exception {
		List<Variant> variants = variants();
		List<BenchDatabase.Fresh> databases = new ArrayList<>();
		try {
			for (Variant variant : variants) {
				BenchDatabase.Fresh database = postgres.create("boot_" + variants.indexOf(variant));
				databases.add(database);
				if (!variant.appliesMigrations()) {
					new FloorContestant("").setUp(database.dataSource(), Workload.prepare(this.work, this.size));
				}
				database.closePool();
				Benchmarks.progress("Boot " + variant.label() + ": preparing");
				call(variant, database);
			}
			for (int round = 0; round < warmups + rounds; round++) {
				for (int i = 0; i < variants.size(); i++) {
					int index = (i + round) % variants.size();
					Variant variant = variants.get(index);
					double ms = call(variant, databases.get(index));
					if (round >= warmups) {
						results.add("PostgreSQL", Results.BOOT, this.size, variant.label(), ms, -1, -1);
					}
					Benchmarks.progress("Boot round " + (round + 1) + "/" + (warmups + rounds) + " " + variant.label()
							+ ": " + Report.ms(ms) + " ms");
				}
			}
		}
		finally {
			for (BenchDatabase.Fresh database : databases) {
				database.close();
			}
		}
	}

	private double call(Variant variant, BenchDatabase.Fresh database) throws Exception {
		List<String> args = new ArrayList<>(variant.args());
		args.add("--spring.datasource.url=" + database.url());
		args.add("--spring.datasource.username=" + database.user());
		double ms = ChildJvm.run(variant.classpath(), variant.mainClass(), args);
		Benchmarks.checkTables(database, this.size, variant.label());
		database.closePool();
		return ms;
	}

	private List<Variant> variants() throws IOException {
		List<String> base = new ArrayList<>();
		base.add(this.module.resolve("target/classes").toString());
		base.addAll(ChildJvm.classpathFile(this.module, "boot-base"));
		String sqlFiles = flywayResources().toString();
		List<Variant> variants = new ArrayList<>();
		variants.add(new Variant(JDBC, APP + "jdbc.JdbcApp", base, List.of(), false));
		variants.add(new Variant(QUERY, APP + "query.QueryApp", base, List.of(), false));
		variants.add(new Variant(PLAIN_BEANS, APP + "query.QueryApp", beans(base, PLAIN_BEAN_CLASSES, "plain-beans"),
				List.of(), false));
		List<String> ours = concat(base, ChildJvm.classpathFile(this.module, "boot-ours"));
		if (hasAutoConfiguration(ours)) {
			variants.add(new Variant(OURS, APP + "ours.OursApp", beans(ours, OURS_BEAN_CLASSES, "ours-beans"),
					List.of(), true));
			variants.add(new Variant(OURS_SQL, APP + "ours.OursApp", concat(ours, List.of(sqlFiles)),
					List.of("--migrations.locations=classpath:" + FLYWAY_LOCATION), true));
		}
		else {
			Benchmarks.progress("Boot: our starter has no MigrationsAutoConfiguration yet; its variants are left out");
		}
		List<String> flyway = concat(base, ChildJvm.classpathFile(this.module, "boot-flyway"));
		flyway = concat(flyway, jars(this.module.resolve("target/boot-flyway-jars")));
		// Without the SQL files: Flyway must apply the N beans and nothing else.
		variants.add(new Variant(FLYWAY_JAVA, APP + "flyway.FlywayApp",
				beans(flyway, FLYWAY_BEAN_CLASSES, "flyway-beans"), List.of(), true));
		variants.add(new Variant(FLYWAY, APP + "flyway.FlywayApp", concat(flyway, List.of(sqlFiles)), List.of(), true));
		List<String> liquibase = concat(base, ChildJvm.classpathFile(this.module, "boot-liquibase"));
		variants.add(new Variant(LIQUIBASE, APP + "liquibase.LiquibaseApp",
				concat(liquibase, List.of(liquibaseResources().toString())),
				List.of("--spring.liquibase.change-log=classpath:db/changelog/" + Workload.CHANGELOG), true));
		return variants;
	}

	/** The classpath plus N generated classes compiled against it. */
	private List<String> beans(List<String> classpath, GeneratedBeans template, String name) throws IOException {
		return concat(classpath, List.of(template.compile(this.work.resolve(name), this.size, classpath).toString()));
	}

	private static boolean hasAutoConfiguration(List<String> classpath) throws IOException {
		String entry = "dev/migrations/autoconfigure/MigrationsAutoConfiguration.class";
		for (String element : classpath) {
			Path path = Path.of(element);
			if (Files.isDirectory(path) && Files.exists(path.resolve(entry))) {
				return true;
			}
			if (Files.isRegularFile(path) && element.contains("migrations-spring-boot-autoconfigure")) {
				try (ZipFile jar = new ZipFile(path.toFile())) {
					if (jar.getEntry(entry) != null) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * SQL files in {@code db/migration}, Boot's default location for Flyway, on the
	 * classpath of both SQL-file variants.
	 */
	private Path flywayResources() throws IOException {
		Workload workload = Workload.prepare(this.work, this.size);
		Path root = this.work.resolve("flyway-resources");
		Path target = Files.createDirectories(root.resolve(FLYWAY_LOCATION));
		for (int i = 1; i <= this.size; i++) {
			Files.copy(workload.sqlDirectory().resolve(Workload.sqlFileName(i)),
					target.resolve(Workload.sqlFileName(i)), StandardCopyOption.REPLACE_EXISTING);
		}
		return root.toAbsolutePath();
	}

	/** The changelog in {@code db/changelog}, on the Liquibase variant's classpath. */
	private Path liquibaseResources() throws IOException {
		Workload workload = Workload.prepare(this.work, this.size);
		Path root = this.work.resolve("liquibase-resources");
		Path target = Files.createDirectories(root.resolve("db/changelog"));
		Files.copy(workload.changelogDirectory().resolve(Workload.CHANGELOG), target.resolve(Workload.CHANGELOG),
				StandardCopyOption.REPLACE_EXISTING);
		return root.toAbsolutePath();
	}

	private static List<String> jars(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			List<String> jars = new ArrayList<>();
			files.filter((file) -> file.toString().endsWith(".jar")).forEach((file) -> jars.add(file.toString()));
			Collections.sort(jars);
			return jars;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + directory + ": build the module first (see README)", ex);
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/**
	 * One application variant.
	 *
	 * @param label the name shown in the results
	 * @param mainClass the application's main class
	 * @param classpath its classpath
	 * @param args extra command-line arguments
	 * @param appliesMigrations whether the application itself applies the N migrations
	 */
	record Variant(String label, String mainClass, List<String> classpath, List<String> args,
			boolean appliesMigrations) {

	}

}
