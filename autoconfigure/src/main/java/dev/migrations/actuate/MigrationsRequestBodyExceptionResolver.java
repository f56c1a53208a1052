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

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@link HandlerExceptionResolver} that answers a {@code POST} to the
 * {@link MigrationsEndpoint} whose body is not JSON fields and values (malformed JSON, an
 * array, an object as a value) with a 400 and a {@code {"message": ...}} body, as the
 * endpoint answers every other bad request, instead of Spring's generic error page.
 * Requests to any other handler are left alone.
 *
 * @since 0.1.0
 */
public final class MigrationsRequestBodyExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final Supplier<@Nullable String> endpointPath;

	/**
	 * Create a resolver.
	 * @param endpointPath the path the endpoint's operations are mapped to, such as
	 * {@code /actuator/migrations}, looked up at each error; {@code null} when the
	 * endpoint is not mapped
	 */
	public MigrationsRequestBodyExceptionResolver(Supplier<@Nullable String> endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof HttpMessageNotReadableException unreadable) || !isEndpointPost(request)) {
			return null;
		}
		try {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			String message = MigrationsRequestBody.unreadable(detail(unreadable));
			response.getWriter().write(JsonWriter.standard().writeToString(Map.of("message", message)));
			return new ModelAndView();
		}
		catch (IOException writeFailure) {
			// The client went away; let the other resolvers see the original failure.
			ex.addSuppressed(writeFailure);
			return null;
		}
	}

	private boolean isEndpointPost(HttpServletRequest request) {
		String path = this.endpointPath.get();
		return "POST".equals(request.getMethod()) && path != null
				&& path.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
	}

	/**
	 * Return the first line of what the JSON parser reported, without Spring's prefix and
	 * the parser's source excerpt.
	 */
	private static String detail(HttpMessageNotReadableException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		int newline = message.indexOf('\n');
		return ((newline >= 0) ? message.substring(0, newline) : message).trim();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
