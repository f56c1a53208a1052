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

import org.jspecify.annotations.Nullable;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationException;
import dev.migrations.MigrationRefusedException;
import dev.migrations.MigrationValidationException;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link MigrationsEndpoint}:
 * answers with HTTP statuses and a {@code {"message": ...}} body instead of an error
 * page. An unknown DataSource is a 404; a bad request a 400; an operation refused because
 * of the database's state (a validation error, an irreversible migration, a rollback by
 * more steps than are applied, a baseline over existing history) a 409; a migration lock
 * held by another instance beyond the lock timeout a 423 (Locked: retrying later may
 * succeed); a failed migration, or a database that could not be reached, a 500.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public final class MigrationsEndpointWebExtension {

	private static final int STATUS_CONFLICT = 409;

	private static final int STATUS_LOCKED = 423;

	private final MigrationsEndpoint delegate;

	/**
	 * Create a web extension.
	 * @param delegate the endpoint
	 */
	public MigrationsEndpointWebExtension(MigrationsEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Report one migrated DataSource, or answer 404.
	 * @param dataSource the DataSource bean name
	 * @return the report with one entry, or a 404 with a message
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> dataSource(@Selector String dataSource) {
		OperationResponseBody body = this.delegate.dataSource(dataSource);
		if (body == null) {
			return error(WebEndpointResponse.STATUS_NOT_FOUND, this.delegate.unknownDataSource(dataSource));
		}
		return new WebEndpointResponse<>(body);
	}

	/**
	 * Return the schema of one migrated DataSource as an SQL script, or answer 404.
	 * @param dataSource the DataSource bean name
	 * @param schema the literal {@code schema}
	 * @return the script, or an error status with a message
	 */
	@ReadOperation(produces = "text/plain;charset=UTF-8")
	public WebEndpointResponse<String> schema(@Selector String dataSource, @Selector String schema) {
		if (!"schema".equals(schema)) {
			return new WebEndpointResponse<>(
					"Nothing is at '" + dataSource + "/" + schema + "'. Use '" + dataSource
							+ "/schema' for the schema of DataSource '" + dataSource + "'.",
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			String script = this.delegate.schema(dataSource, schema);
			if (script == null) {
				return new WebEndpointResponse<>(this.delegate.unknownDataSource(dataSource),
						WebEndpointResponse.STATUS_NOT_FOUND);
			}
			return new WebEndpointResponse<>(script);
		}
		catch (MigrationException ex) {
			return new WebEndpointResponse<>(String.valueOf(ex.getMessage()), status(ex));
		}
	}

	/**
	 * Run an operation on one DataSource.
	 * @param operation {@code migrate}, {@code rollback}, {@code baseline},
	 * {@code repair} or {@code dry-run}
	 * @param dataSource the DataSource bean name, or {@code null} for the primary one
	 * @param version the target version of {@code migrate} and {@code rollback}, the
	 * version {@code baseline} stamps
	 * @param steps how many migrations {@code rollback} reverses
	 * @return what the operation did, or an error status with a message
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> operate(String operation, @Nullable String dataSource,
			@Nullable String version, @Nullable Integer steps) {
		try {
			return new WebEndpointResponse<>(this.delegate.operate(operation, dataSource, version, steps));
		}
		catch (InvalidEndpointRequestException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, String.valueOf(ex.getMessage()));
		}
		catch (MigrationException ex) {
			return error(status(ex), String.valueOf(ex.getMessage()));
		}
	}

	private static int status(MigrationException ex) {
		if (ex instanceof LockTimeoutException) {
			return STATUS_LOCKED;
		}
		if (ex instanceof MigrationValidationException || ex instanceof MigrationRefusedException
				|| ex instanceof IrreversibleMigrationException) {
			return STATUS_CONFLICT;
		}
		return WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
	}

	private static WebEndpointResponse<OperationResponseBody> error(int status, String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(message), status);
	}

	/**
	 * Why a request was refused or failed.
	 *
	 * @param message what went wrong, its subject and the next step
	 */
	public record ErrorDescriptor(String message) implements OperationResponseBody {

	}

}
