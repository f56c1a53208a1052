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
package dev.migrations.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What a test wrote to {@code System.out} and {@code System.err}, the log included (the
 * tests' logback configuration writes to the console): the core module's stand-in for
 * Spring Boot's {@code OutputCaptureExtension}, which it may not use. The output still
 * reaches the console.
 */
public final class ConsoleOutput implements BeforeEachCallback, AfterEachCallback, ParameterResolver, CharSequence {

	private static final Namespace NAMESPACE = Namespace.create(ConsoleOutput.class);

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	private final PrintStream originalOut = System.out;

	private final PrintStream originalErr = System.err;

	public ConsoleOutput() {
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ConsoleOutput output = new ConsoleOutput();
		context.getStore(NAMESPACE).put(ConsoleOutput.class, output);
		System.setOut(output.tee(output.originalOut));
		System.setErr(output.tee(output.originalErr));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ConsoleOutput output = output(context);
		System.setOut(output.originalOut);
		System.setErr(output.originalErr);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == ConsoleOutput.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return output(context);
	}

	private static ConsoleOutput output(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(ConsoleOutput.class, ConsoleOutput.class);
	}

	private PrintStream tee(PrintStream original) {
		OutputStream both = new OutputStream() {

			@Override
			public void write(int b) {
				original.write(b);
				synchronized (ConsoleOutput.this.captured) {
					ConsoleOutput.this.captured.write(b);
				}
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				original.write(bytes, offset, length);
				synchronized (ConsoleOutput.this.captured) {
					ConsoleOutput.this.captured.write(bytes, offset, length);
				}
			}

		};
		return new PrintStream(both, true, StandardCharsets.UTF_8);
	}

	@Override
	public int length() {
		return toString().length();
	}

	@Override
	public char charAt(int index) {
		return toString().charAt(index);
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return toString().subSequence(start, end);
	}

	@Override
	public String toString() {
		synchronized (this.captured) {
			return this.captured.toString(StandardCharsets.UTF_8);
		}
	}

}
