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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.boot.internal.ParsedPersistenceXmlDescriptor;
import org.hibernate.jpa.boot.spi.Bootstrap;
import org.hibernate.jpa.boot.spi.EntityManagerFactoryBuilder;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.EntityManagerFactoryInfo;

/**
 * The entity model of an {@link EntityManagerFactory}, rebuilt by Hibernate with the
 * persistence unit and settings the factory was built with, and compared with a database
 * by Hibernate's own schema tools: the statements {@code ddl-auto=update} would run (as a
 * script, never executed) and what {@code ddl-auto=validate} would refuse. Where the
 * dialect writes no foreign keys (SQLite), the missing ones are added to the script from
 * the model.
 */
final class EntitySchema {

	private final String persistenceUnitName;

	private final Function<Map<String, Object>, EntityManagerFactoryBuilder> builders;

	private final Map<String, Object> settings;

	private EntitySchema(String persistenceUnitName,
			Function<Map<String, Object>, EntityManagerFactoryBuilder> builders, Map<String, Object> settings) {
		this.persistenceUnitName = persistenceUnitName;
		this.builders = builders;
		this.settings = settings;
	}

	/**
	 * Return the model of the given factory, to compare with the given database. The
	 * persistence unit of a factory built by Spring is rebuilt as it is (entities,
	 * converters, mapping files); of any other factory, from its metamodel's entities,
	 * embeddables and mapped superclasses.
	 * @param entityManagerFactory the factory, such as Spring Boot's
	 * {@code entityManagerFactory} bean
	 * @param dataSource the database to compare with
	 * @return the model
	 */
	static EntitySchema of(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
		Map<String, Object> settings = new HashMap<>(entityManagerFactory.getProperties());
		settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
		settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
		settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "none");
		settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		settings.put(AvailableSettings.DATASOURCE, dataSource);
		settings.remove(AvailableSettings.JAKARTA_JTA_DATASOURCE);
		for (String connectionSetting : List.of(AvailableSettings.JAKARTA_JDBC_URL, AvailableSettings.URL,
				AvailableSettings.JAKARTA_JDBC_USER, AvailableSettings.USER, AvailableSettings.JAKARTA_JDBC_PASSWORD,
				AvailableSettings.PASS, AvailableSettings.JAKARTA_JDBC_DRIVER, AvailableSettings.DRIVER)) {
			settings.remove(connectionSetting);
		}
		if (entityManagerFactory instanceof EntityManagerFactoryInfo info && info.getPersistenceUnitInfo() != null) {
			PersistenceUnitInfo unit = info.getPersistenceUnitInfo();
			return new EntitySchema(unit.getPersistenceUnitName(),
					(values) -> Bootstrap.getEntityManagerFactoryBuilder(unit, values), settings);
		}
		ParsedPersistenceXmlDescriptor unit = new ParsedPersistenceXmlDescriptor(null);
		unit.setName(String.valueOf(
				entityManagerFactory.getProperties().getOrDefault(AvailableSettings.PERSISTENCE_UNIT_NAME, "default")));
		unit.setExcludeUnlistedClasses(true);
		unit.setNonJtaDataSource(dataSource);
		entityManagerFactory.getMetamodel()
			.getManagedTypes()
			.forEach((type) -> unit.addClasses(type.getJavaType().getName()));
		return new EntitySchema(unit.getName(), (values) -> Bootstrap.getEntityManagerFactoryBuilder(unit, values),
				settings);
	}

	/**
	 * Fail unless Hibernate's schema update has nothing to do and its validation passes.
	 * @throws AssertionError listing the update statements and the validation problem
	 */
	void assertMatches() {
		List<String> statements = updateStatements();
		String problem = validationProblem();
		if (statements.isEmpty() && problem == null) {
			return;
		}
		StringBuilder message = new StringBuilder("The JPA entities of persistence unit '")
			.append(this.persistenceUnitName)
			.append("' and the schema the migrations build disagree.");
		if (!statements.isEmpty()) {
			message.append(" To match the entities, Hibernate's schema update would run:");
			statements.forEach((statement) -> message.append("\n    ").append(statement));
		}
		if (problem != null) {
			message.append("\nHibernate's schema validation (ddl-auto=validate) fails: ").append(problem);
		}
		message.append("\nWrite a migration that makes the schema match (MigrationGenerator writes one from the ")
			.append("entities), or change the entities to match the schema.");
		throw new AssertionError(message.toString());
	}

	/**
	 * Return the statements Hibernate's schema update would run to bring the database to
	 * the entity model, in its order, without running them.
	 * @return the statements, empty when nothing is missing
	 */
	List<String> updateStatements() {
		List<String> statements = new ArrayList<>();
		run((tool, metadata, options) -> {
			tool.getSchemaMigrator(this.settings)
				.doMigration(metadata, options, ContributableMatcher.ALL, script(statements));
			statements.addAll(missingForeignKeys(metadata, statements));
		});
		return statements;
	}

	/**
	 * Return the foreign keys of the model that neither the database nor the update
	 * script has, written as {@code alter table … add constraint}: Hibernate writes none
	 * for a dialect without {@code ALTER TABLE … ADD CONSTRAINT}, such as SQLite's.
	 */
	private List<String> missingForeignKeys(MetadataImplementor metadata, List<String> statements) {
		String script = String.join("\n", statements).toLowerCase(Locale.ROOT);
		List<String> missing = new ArrayList<>();
		try (Connection connection = ((DataSource) this.settings.get(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE))
			.getConnection()) {
			for (Table table : metadata.collectTableMappings()) {
				for (ForeignKey foreignKey : table.getForeignKeyCollection()) {
					if (foreignKey.isCreationEnabled() && foreignKey.getName() != null
							&& !script.contains(foreignKey.getName().toLowerCase(Locale.ROOT))
							&& !exists(connection, foreignKey)) {
						missing.add(addStatement(foreignKey));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the foreign keys of the database failed: " + ex.getMessage(), ex);
		}
		return missing;
	}

	private static boolean exists(Connection connection, ForeignKey foreignKey) throws SQLException {
		Set<String> found = new HashSet<>();
		String referenced = foreignKey.getReferencedTable().getName();
		try (ResultSet keys = connection.getMetaData()
			.getImportedKeys(connection.getCatalog(), null, foreignKey.getTable().getName())) {
			while (keys.next()) {
				if (referenced.equalsIgnoreCase(keys.getString("PKTABLE_NAME"))) {
					found.add(keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		return foreignKey.getColumns()
			.stream()
			.allMatch((column) -> found.contains(column.getName().toLowerCase(Locale.ROOT)));
	}

	private static String addStatement(ForeignKey foreignKey) {
		List<Column> referencedColumns = foreignKey.getReferencedColumns().isEmpty()
				? foreignKey.getReferencedTable().getPrimaryKey().getColumns() : foreignKey.getReferencedColumns();
		return "alter table " + foreignKey.getTable().getName() + " add constraint " + foreignKey.getName()
				+ " foreign key (" + names(foreignKey.getColumns()) + ") references "
				+ foreignKey.getReferencedTable().getName() + " (" + names(referencedColumns) + ")";
	}

	private static String names(List<Column> columns) {
		return String.join(", ", columns.stream().map(Column::getName).toList());
	}

	/**
	 * Return what Hibernate's schema validation refuses, such as a column of the wrong
	 * type.
	 * @return the problem, or {@code null} when validation passes
	 */
	@Nullable String validationProblem() {
		try {
			run((tool, metadata, options) -> tool.getSchemaValidator(this.settings)
				.doValidation(metadata, options, ContributableMatcher.ALL));
			return null;
		}
		catch (SchemaManagementException ex) {
			return ex.getMessage();
		}
	}

	private void run(SchemaAction action) {
		EntityManagerFactoryBuilder builder = this.builders.apply(this.settings);
		try {
			MetadataImplementor metadata = builder.metadata();
			SchemaManagementTool tool = metadata.getMetadataBuildingOptions()
				.getServiceRegistry()
				.requireService(SchemaManagementTool.class);
			action.run(tool, metadata, options(this.settings));
		}
		finally {
			builder.cancel();
		}
	}

	private static ExecutionOptions options(Map<String, Object> settings) {
		return new ExecutionOptions() {

			@Override
			public Map<String, Object> getConfigurationValues() {
				return settings;
			}

			@Override
			public boolean shouldManageNamespaces() {
				return false;
			}

			@Override
			public ExceptionHandler getExceptionHandler() {
				return ExceptionHandlerHaltImpl.INSTANCE;
			}

		};
	}

	private static TargetDescriptor script(List<String> statements) {
		return new TargetDescriptor() {

			@Override
			public EnumSet<TargetType> getTargetTypes() {
				return EnumSet.of(TargetType.SCRIPT);
			}

			@Override
			public ScriptTargetOutput getScriptTargetOutput() {
				return new ScriptTargetOutput() {

					@Override
					public void prepare() {
					}

					@Override
					public void accept(String command) {
						String statement = command.strip();
						statements.add(statement.endsWith(";") ? statement.substring(0, statement.length() - 1).strip()
								: statement);
					}

					@Override
					public void release() {
					}

				};
			}

		};
	}

	@FunctionalInterface
	private interface SchemaAction {

		void run(SchemaManagementTool tool, MetadataImplementor metadata, ExecutionOptions options);

	}

}
