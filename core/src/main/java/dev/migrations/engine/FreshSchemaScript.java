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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationException;
import dev.migrations.MigratorSettings.FreshSchema;
import dev.migrations.schema.SchemaDump;

/**
 * The fast path for an empty database ({@code migrations.fresh-schema}): a schema dump
 * run in the caller's transaction right after the history table is created, with the
 * {@code BASELINE} row at the version the dump names, so that the history table, the
 * schema and the stamp commit together under the migration lock. Parsed when the migrator
 * is created, so a broken dump fails the start.
 */
final class FreshSchemaScript {

	private static final Log logger = LogFactory.getLog(FreshSchemaScript.class);

	private final String location;

	private final Version version;

	private final List<SqlStatement> statements;

	private FreshSchemaScript(String location, Version version, List<SqlStatement> statements) {
		this.location = location;
		this.version = version;
		this.statements = statements;
	}

	/**
	 * Parse a dump.
	 * @throws MigrationException naming the location when the version comment is missing
	 * or a quote or comment is not closed
	 */
	static FreshSchemaScript parse(FreshSchema freshSchema, String dataSourceName) {
		String script = SqlScript.normalize(freshSchema.script());
		String version = SchemaDump.version(script);
		if (version == null || !Version.isValid(version)) {
			throw new MigrationException("Fresh schema " + freshSchema.location() + " of DataSource '" + dataSourceName
					+ "' does not end with the line '-- Schema at version <version>' that "
					+ "Migrator.dumpSchema() writes. Regenerate the dump, or correct migrations.fresh-schema.");
		}
		return new FreshSchemaScript(freshSchema.location(), Version.parse(version),
				SqlStatementSplitter.split(script, freshSchema.location()));
	}

	String location() {
		return this.location;
	}

	Version version() {
		return this.version;
	}

	/**
	 * Return whether a run up to the target may start from the dump: not when the dump is
	 * newer than the target.
	 * @param target the target version, or {@code null} for the latest
	 */
	boolean appliesUpTo(@Nullable Version target) {
		return target == null || this.version.compareTo(target) <= 0;
	}

	/**
	 * Create the history table, run the dump and stamp its version, in the caller's
	 * transaction.
	 * @return the rows written
	 */
	List<HistoryRow> load(Connection connection, HistoryTable table, String installedBy, String host,
			String dataSourceName) throws SQLException {
		HistoryRow layout = table.create(connection, installedBy, host);
		try (Statement statement = connection.createStatement()) {
			for (SqlStatement sql : this.statements) {
				try {
					statement.execute(sql.sql());
				}
				catch (SQLException ex) {
					throw new MigrationException("Creating DataSource '" + dataSourceName + "' from fresh schema "
							+ this.location + " failed at the statement on line " + sql.line() + ": "
							+ Failures.describe(ex) + ". Regenerate the dump from the migrations, or remove "
							+ "migrations.fresh-schema to replay them.", ex);
				}
			}
		}
		HistoryRow baseline = Baseline.row(layout.id() + 1, this.version, this.location, installedBy, host);
		try (HistoryTable.Writer writer = table.writer(connection)) {
			writer.insert(baseline);
		}
		logger.info(dataSourceName + ": created from fresh schema " + this.location + " at version " + this.version);
		return List.of(layout, baseline);
	}

}
