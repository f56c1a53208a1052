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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationValidationException;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.Assert;

/**
 * Finds SQL migration files ({@code V<version>__<description>.sql} and optional
 * {@code V<version>__<description>.down.sql}; {@code R__<description>.sql} and optional
 * {@code R__<description>.down.sql} for repeatable ones) in locations such as
 * {@code classpath:db/migrations} or {@code filesystem:/opt/app/sql}, subfolders
 * included, and turns each into a {@link Migration} that joins the Java migrations in one
 * ordered plan.
 * <p>
 * Every file is read and parsed here, once: malformed names, unclosed strings, bad
 * directives and unknown placeholders are all reported together before any database is
 * touched. A configured location that does not exist is an error; only the default
 * location may be missing. Files that do not look like migrations ({@code README.md}) are
 * ignored.
 *
 * @since 0.1.0
 */
public final class SqlMigrationLoader {

	/**
	 * The location used when none is configured; it may be missing.
	 */
	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private final ResourcePatternResolver resolver;

	/**
	 * Create a loader that resolves locations with the given resource loader.
	 * @param resourceLoader the resource loader (the application context, or a
	 * {@code DefaultResourceLoader} for a class loader)
	 */
	public SqlMigrationLoader(ResourceLoader resourceLoader) {
		Assert.notNull(resourceLoader, "'resourceLoader' must not be null");
		this.resolver = (resourceLoader instanceof ResourcePatternResolver patterns) ? patterns
				: new PathMatchingResourcePatternResolver(resourceLoader);
	}

	/**
	 * Load the SQL migrations in the given locations.
	 * @param dataSourceName the DataSource the migrations are for, for messages
	 * @param locations {@code classpath:} or {@code filesystem:} locations; a location
	 * without a prefix is on the classpath
	 * @param placeholders values for {@code ${name}} placeholders; when empty, no
	 * placeholders are replaced
	 * @return one migration per up script, in no particular order
	 * @throws MigrationValidationException listing every problem found in names, files
	 * and locations
	 */
	public List<Migration> load(String dataSourceName, List<String> locations, Map<String, String> placeholders) {
		Assert.hasText(dataSourceName, "'dataSourceName' must not be empty");
		Assert.notNull(locations, "'locations' must not be null");
		Assert.notNull(placeholders, "'placeholders' must not be null");
		PlaceholderReplacer replacer = new PlaceholderReplacer(placeholders);
		List<String> problems = new ArrayList<>();
		Map<String, SqlScript> ups = new LinkedHashMap<>();
		Map<String, SqlFileName> names = new LinkedHashMap<>();
		Map<String, SqlScript> downs = new LinkedHashMap<>();
		for (String location : new LinkedHashSet<>(locations)) {
			for (Found file : find(location, problems)) {
				try {
					SqlFileName name = SqlFileName.parse(file.fileName(), file.source());
					if (name != null) {
						SqlScript script = SqlScript.parse(file.source(), read(file), replacer);
						String key = file.location().strip() + "|" + file.directory() + name.base();
						Map<String, SqlScript> target = (name.down()) ? downs : ups;
						SqlScript previous = target.putIfAbsent(key, script);
						if (previous != null) {
							problems.add("SQL migration file " + file.source() + " is found twice, the second time as "
									+ file.resource().getDescription() + ". Remove one of them.");
						}
						if (!name.down()) {
							names.putIfAbsent(key, name);
						}
					}
				}
				catch (MigrationException ex) {
					problems.add(ex.getMessage());
				}
			}
		}
		List<Migration> migrations = new ArrayList<>(ups.size());
		for (Map.Entry<String, SqlScript> up : ups.entrySet()) {
			SqlScript down = downs.remove(up.getKey());
			SqlFileName name = names.get(up.getKey());
			if (down != null && down.transactional() != up.getValue().transactional()) {
				problems.add("SQL migration file " + down.source() + " runs "
						+ ((down.transactional()) ? "in" : "outside") + " a transaction but its up script "
						+ up.getValue().source() + " does not. Give both the same first line "
						+ "(-- migrations: transactional=false, or none).");
			}
			migrations.add((name.repeatable()) ? new SqlRepeatableMigration(name, up.getValue(), down)
					: new SqlFileMigration(name, up.getValue(), down));
		}
		for (SqlScript down : downs.values()) {
			String upName = down.source().substring(0, down.source().length() - ".down.sql".length()) + ".sql";
			problems.add("SQL migration file " + down.source() + " is a down script without an up script " + upName
					+ ". Add the up script, correct the down script's name, or remove it.");
		}
		if (!problems.isEmpty()) {
			throw new MigrationValidationException(dataSourceName, problems);
		}
		return List.copyOf(migrations);
	}

	private List<Found> find(String location, List<String> problems) {
		String base = base(location);
		List<Found> found = new ArrayList<>();
		try {
			boolean exists = false;
			for (Resource root : this.resolver.getResources(rootPattern(base))) {
				if (!root.exists()) {
					continue;
				}
				exists = true;
				if (root.isFile()) {
					walk(location, root.getFile().toPath(), found);
					continue;
				}
				String rootUrl = withSlash(root.getURL().toString());
				for (Resource file : this.resolver.getResources(rootUrl + "**/*")) {
					String url = file.getURL().toString();
					String relative = (url.startsWith(rootUrl)) ? url.substring(rootUrl.length()) : null;
					if (relative != null && !relative.endsWith("/") && !hidden(relative) && file.isReadable()) {
						found.add(new Found(location, relative, file));
					}
				}
			}
			if (!exists && !isDefault(location)) {
				problems.add("Migration location '" + location + "' (migrations.locations) does not exist. "
						+ "Create it, or correct or remove the location.");
			}
		}
		catch (IOException ex) {
			problems.add("Migration location '" + location + "' (migrations.locations) could not be read: "
					+ ex.getMessage() + ". Check the location and its permissions.");
		}
		found.sort((a, b) -> a.relative().compareTo(b.relative()));
		return found;
	}

	private static String base(String location) {
		String trimmed = location.strip();
		if (trimmed.startsWith(FILESYSTEM)) {
			return "file:" + trimmed.substring(FILESYSTEM.length());
		}
		if (trimmed.startsWith(CLASSPATH) || trimmed.startsWith("file:")) {
			return trimmed;
		}
		return CLASSPATH + trimmed;
	}

	/** All roots of a classpath location (every jar and folder that has it). */
	private static String rootPattern(String base) {
		String root = withSlash(base);
		return (root.startsWith(CLASSPATH)) ? "classpath*:" + stripLeadingSlash(root.substring(CLASSPATH.length()))
				: root;
	}

	private static String stripLeadingSlash(String path) {
		return (path.startsWith("/")) ? path.substring(1) : path;
	}

	private static String withSlash(String path) {
		return (path.endsWith("/")) ? path : path + "/";
	}

	/**
	 * Add the readable files below a directory: walked directly, since matching each path
	 * against a pattern costs more than the rest of loading. Symlinked files are read
	 * through their links; symlinked folders are not followed.
	 */
	private static void walk(String location, Path root, List<Found> found) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.forEach((path) -> {
				String relative = root.relativize(path).toString().replace('\\', '/');
				if (!hidden(relative) && Files.isRegularFile(path) && Files.isReadable(path)) {
					found.add(new Found(location, relative, new FileSystemResource(path)));
				}
			});
		}
	}

	/**
	 * Whether a path below a location is hidden: a file or folder whose name starts with
	 * a dot. Skipped, so that version control and editor files, and the timestamped
	 * copies behind a Kubernetes ConfigMap's symlinks, do not count as migrations twice.
	 */
	private static boolean hidden(String relative) {
		return relative.startsWith(".") || relative.contains("/.");
	}

	private static boolean isDefault(String location) {
		return location.strip().equals(DEFAULT_LOCATION);
	}

	private static String read(Found file) {
		try {
			return file.resource().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrationException("SQL migration file " + file.source() + " could not be read: "
					+ ex.getMessage() + ". Check that it is readable.", ex);
		}
	}

	/**
	 * A file found in a location.
	 *
	 * @param location the location as configured
	 * @param relative the path below the location, with {@code /} separators
	 * @param resource the file
	 */
	private record Found(String location, String relative, Resource resource) {

		String source() {
			return withSlash(this.location.strip()) + this.relative;
		}

		String fileName() {
			return this.relative.substring(this.relative.lastIndexOf('/') + 1);
		}

		String directory() {
			return this.relative.substring(0, this.relative.lastIndexOf('/') + 1);
		}

	}

}
