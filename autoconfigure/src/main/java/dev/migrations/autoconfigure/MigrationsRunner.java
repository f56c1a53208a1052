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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;
import dev.migrations.RepairResult;
import dev.migrations.autoconfigure.MigrationsProperties.OnFailure;
import dev.migrations.autoconfigure.MigrationsProperties.RunOn;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Applies pending migrations of every DataSource, in the registry's order, when the
 * application is ready ({@code run-on=ready}: readiness waits for it) or while the
 * context starts ({@code run-on=startup}). A failure stops the application unless
 * {@code on-failure=continue}, in which case the remaining DataSources still run and the
 * failure shows in health and the endpoint.
 */
public class MigrationsRunner implements ApplicationListener<ApplicationReadyEvent>, InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrationsRunner.class);

	private final MigratorRegistry registry;

	private final RunOn runOn;

	private final OnFailure onFailure;

	private final boolean repairOnStart;

	/**
	 * Create a runner.
	 * @param registry the migrators to run
	 * @param runOn when to run
	 * @param onFailure what a failure does
	 */
	public MigrationsRunner(MigratorRegistry registry, RunOn runOn, OnFailure onFailure) {
		this(registry, runOn, onFailure, false);
	}

	/**
	 * Create a runner.
	 * @param registry the migrators to run
	 * @param runOn when to run
	 * @param onFailure what a failure does
	 * @param repairOnStart whether to repair each history before migrating
	 * ({@code migrations.repair-on-start})
	 */
	public MigrationsRunner(MigratorRegistry registry, RunOn runOn, OnFailure onFailure, boolean repairOnStart) {
		this.registry = registry;
		this.runOn = runOn;
		this.onFailure = onFailure;
		this.repairOnStart = repairOnStart;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.runOn == RunOn.STARTUP) {
			run();
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.runOn == RunOn.READY) {
			run();
		}
	}

	/**
	 * Migrate every DataSource, after repairing its history when
	 * {@code migrations.repair-on-start=true}.
	 * @throws MigrationException on the first failure unless {@code on-failure=continue}
	 */
	public void run() {
		for (Migrator migrator : this.registry.all()) {
			try {
				if (this.repairOnStart) {
					repair(migrator);
				}
				migrator.migrate();
			}
			catch (MigrationException ex) {
				if (this.onFailure == OnFailure.STOP) {
					throw ex;
				}
				// on-failure=continue is the user's explicit choice: the failure stays
				// visible through the migrator's status, in health and in the endpoint.
				// A failed migration's stack trace was logged where it failed.
				logger.error(
						migrator.dataSourceName() + ": migrations failed; continuing because "
								+ "migrations.on-failure=continue. " + ex.getMessage(),
						(ex instanceof MigrationFailedException) ? null : ex);
			}
		}
	}

	private void repair(Migrator migrator) {
		RepairResult result = migrator.repair();
		if (result.failuresCleared().isEmpty() && result.changesAccepted().isEmpty()
				&& result.missingForgotten().isEmpty()) {
			logger.info(migrator.dataSourceName() + ": nothing to repair (migrations.repair-on-start=true). "
					+ "Remove migrations.repair-on-start.");
			return;
		}
		logger.warn(migrator.dataSourceName() + ": repaired the history before migrating, because "
				+ "migrations.repair-on-start=true: failed attempts cleared " + result.failuresCleared()
				+ ", changed migrations accepted " + result.changesAccepted() + ", missing versions forgotten "
				+ result.missingForgotten() + ". Remove migrations.repair-on-start so that later starts validate "
				+ "the history again.");
	}

}
