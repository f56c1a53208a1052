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

package dev.migrations.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationInfo;
import dev.migrations.MigrationState;
import dev.migrations.Migrator;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * One operation requested of the endpoint: checked before anything runs, so that a bad
 * request changes nothing, then delegated to the {@link Migrator}.
 */
final class MigrationsRequest {

	private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

	private final MigrationsOperation operation;

	private final Migrator migrator;

	private final @Nullable String version;

	private final @Nullable Integer steps;

	MigrationsRequest(MigrationsOperation operation, Migrator migrator, @Nullable String version,
			@Nullable Integer steps) {
		this.operation = operation;
		this.migrator = migrator;
		this.version = (version != null && !version.isBlank()) ? version.trim() : null;
		this.steps = steps;
	}

	Object invoke() {
		check();
		return switch (this.operation) {
			case MIGRATE -> (this.version != null) ? this.migrator.migrate(this.version) : this.migrator.migrate();
			case ROLLBACK -> (this.version != null) ? this.migrator.rollbackTo(this.version)
					: this.migrator.rollback((this.steps != null) ? this.steps : 1);
			case BASELINE -> this.migrator.baseline(required(this.version));
			case REPAIR -> this.migrator.repair();
			case DRY_RUN -> this.migrator.dryRun();
		};
	}

	private void check() {
		if (this.steps != null && this.operation != MigrationsOperation.ROLLBACK) {
			throw invalid("'steps' applies to rollback only, not to " + this.operation + ". Remove it.");
		}
		if (this.version != null
				&& (this.operation == MigrationsOperation.REPAIR || this.operation == MigrationsOperation.DRY_RUN)) {
			throw invalid("'version' does not apply to " + this.operation + ". Remove it.");
		}
		switch (this.operation) {
			case MIGRATE -> checkKnown(this.version, false);
			case ROLLBACK -> checkRollback();
			case BASELINE -> checkFormat(required(this.version));
			default -> {
			}
		}
	}

	private void checkRollback() {
		if (this.version != null && this.steps != null) {
			throw invalid("Rollback takes either 'version' or 'steps', not both. Remove one of them.");
		}
		if (this.steps != null && this.steps < 1) {
			throw invalid("Rollback 'steps' must be at least 1, but is " + this.steps + ". Use 1 or more.");
		}
		checkKnown(this.version, true);
	}

	private void checkKnown(@Nullable String version, boolean zeroAllowed) {
		if (version == null) {
			return;
		}
		checkFormat(version);
		if (zeroAllowed && normalize(version).isEmpty()) {
			return;
		}
		List<String> known = new ArrayList<>();
		for (MigrationInfo migration : this.migrator.status().migrations()) {
			if (migration.state() != MigrationState.MISSING && migration.version() != null) {
				known.add(migration.version());
			}
		}
		if (known.stream().noneMatch((candidate) -> normalize(candidate).equals(normalize(version)))) {
			throw invalid("Version " + version + " is not declared by any migration of DataSource '"
					+ this.migrator.dataSourceName() + "'. Use one of " + known + (zeroAllowed ? " or 0" : "") + ".");
		}
	}

	private void checkFormat(String version) {
		if (!VERSION.matcher(version).matches()) {
			throw invalid("Version '" + version + "' is not digits separated by dots. Use a version such as 3 or 2.1.");
		}
	}

	private String required(@Nullable String version) {
		if (version == null) {
			throw invalid("Operation " + this.operation + " needs a 'version'. Add the version to stamp.");
		}
		return version;
	}

	private InvalidEndpointRequestException invalid(String message) {
		return new InvalidEndpointRequestException(message, "Invalid " + this.operation + " request");
	}

	/**
	 * Return a version with leading zeros and trailing zero segments removed, so that
	 * {@code 1}, {@code 1.0} and {@code 01} compare equal, as the engine compares them.
	 */
	private static String normalize(String version) {
		List<String> segments = new ArrayList<>();
		for (String segment : version.split("\\.")) {
			String digits = segment.replaceFirst("^0+", "");
			segments.add(digits.isEmpty() ? "0" : digits);
		}
		while (!segments.isEmpty() && segments.get(segments.size() - 1).equals("0")) {
			segments.remove(segments.size() - 1);
		}
		return String.join(".", segments);
	}

}
