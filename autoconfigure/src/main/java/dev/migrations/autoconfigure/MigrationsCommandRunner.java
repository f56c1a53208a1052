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

import java.io.PrintStream;
import java.util.List;

import dev.migrations.DatabaseStatus;
import dev.migrations.DryRunResult;
import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Runs the operation {@code migrations.command} names once the context has started, and
 * before Spring Boot calls the application's {@code ApplicationRunner} and
 * {@code CommandLineRunner} beans: it prints the result to standard output (a failure,
 * with what to do, to standard error), closes the context and exits the JVM, with
 * {@code 0} when the operation succeeded and {@code 1} when it failed, so the runners and
 * {@code ApplicationReadyEvent} never come.
 */
final class MigrationsCommandRunner implements ApplicationListener<ApplicationStartedEvent> {

	private final MigratorRegistry registry;

	private final CommandRequest request;

	private final PrintStream out;

	private final PrintStream err;

	MigrationsCommandRunner(MigratorRegistry registry, CommandRequest request, PrintStream out, PrintStream err) {
		this.registry = registry;
		this.request = request;
		this.out = out;
		this.err = err;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		int exitCode = run();
		this.out.flush();
		this.err.flush();
		System.exit(SpringApplication.exit(event.getApplicationContext(), () -> exitCode));
	}

	/**
	 * Run the command and print its result.
	 * @return the exit code: {@code 0} on success, {@code 1} on failure
	 */
	int run() {
		try {
			boolean success = true;
			List<Migrator> migrators = migrators();
			for (int i = 0; i < migrators.size(); i++) {
				if (i > 0 && this.request.command() == MigrationsCommand.STATUS) {
					this.out.println();
				}
				success &= run(migrators.get(i));
			}
			return (success) ? 0 : 1;
		}
		catch (MigrationException ex) {
			this.err.println("migrations.command=" + this.request.command() + " failed: " + ex.getMessage());
			this.err.println(MigrationsFailureAnalyzer.action(ex));
			return 1;
		}
	}

	private boolean run(Migrator migrator) {
		String version = this.request.version();
		switch (this.request.command()) {
			case STATUS -> {
				DatabaseStatus status = migrator.status();
				this.out.print(CommandOutput.status(migrator.dataSourceName(), status,
						ValidationProblems.of(migrator, status)));
			}
			case MIGRATE -> this.out
				.print(CommandOutput.migrated((version != null) ? migrator.migrate(version) : migrator.migrate()));
			case ROLLBACK -> {
				Integer steps = this.request.steps();
				this.out.print(CommandOutput.reversed((version != null) ? migrator.rollbackTo(version)
						: migrator.rollback((steps != null) ? steps : 1)));
			}
			case BASELINE -> this.out.print(CommandOutput.stamped(migrator.baseline(String.valueOf(version))));
			case REPAIR -> this.out.print(CommandOutput.repaired(migrator.repair()));
			case DRY_RUN -> {
				DryRunResult result = migrator.dryRun();
				this.out.print(CommandOutput.dryRun(result));
				return result.success();
			}
			case DUMP -> this.out.print(migrator.dumpSchema());
		}
		return true;
	}

	private List<Migrator> migrators() {
		String name = this.request.dataSource();
		if (name != null) {
			return List.of(this.registry.get(name));
		}
		List<Migrator> all = this.registry.all();
		if (!this.request.command().singleDataSource() || all.size() == 1) {
			return all;
		}
		try {
			return List.of(this.registry.primary());
		}
		catch (MigrationException ex) {
			throw new MigrationException(ex.getMessage() + " Or name the DataSource to run " + this.request.command()
					+ " on with --migrations.command-data-source=<bean name>.", ex);
		}
	}

}
