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

import dev.migrations.actuate.MigrationsEndpointWebExtension.ErrorDescriptor;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;

/**
 * {@link OperationInvokerAdvisor} that checks the fields of a web request to the
 * {@link MigrationsEndpoint}'s write operation before Boot binds them: an unknown field,
 * a missing operation or a {@code steps} that is not a number is answered with a 400 and
 * a {@code {"message": ...}} body, and nothing runs. Boot alone would ignore unknown
 * fields and answer the others with its generic error page.
 *
 * @since 0.1.0
 */
public final class MigrationsRequestBodyAdvisor implements OperationInvokerAdvisor {

	private static final EndpointId MIGRATIONS = EndpointId.of("migrations");

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!MIGRATIONS.equals(endpointId) || operationType != OperationType.WRITE) {
			return invoker;
		}
		return (context) -> invoke(context, invoker);
	}

	private static @Nullable Object invoke(InvocationContext context, OperationInvoker invoker) {
		// Only web requests carry a body; JMX binds the operation's parameters by name.
		if (context.canResolve(WebServerNamespace.class)) {
			String problem = MigrationsRequestBody.problem(context.getArguments());
			if (problem != null) {
				return new WebEndpointResponse<>(new ErrorDescriptor(problem), WebEndpointResponse.STATUS_BAD_REQUEST);
			}
		}
		return invoker.invoke(context);
	}

}
