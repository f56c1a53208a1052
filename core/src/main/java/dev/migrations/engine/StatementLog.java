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

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Remembers the statements a migration runs through its connection: those that changed
 * something, and the one that failed. On a database whose DDL commits on its own this is
 * what a failure message names, so that the user knows what to check before repairing.
 * Queries are not remembered. Cleared before each migration.
 */
final class StatementLog {

	private static final Set<String> EXECUTE = Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeQuery",
			"executeBatch", "executeLargeBatch");

	private static final Set<String> PREPARE = Set.of("prepareStatement", "prepareCall");

	private static final int MAX_SHOWN = 5;

	private static final int MAX_LENGTH = 200;

	private final List<String> executed = new ArrayList<>();

	private @Nullable String failed;

	/**
	 * Return a connection that runs everything on the given one and logs here.
	 */
	Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
	}

	void clear() {
		this.executed.clear();
		this.failed = null;
	}

	/**
	 * Return the statement that failed, or {@code null} when the failure was not a
	 * statement's.
	 */
	@Nullable String failed() {
		return this.failed;
	}

	/**
	 * Return the statements that ran before the failure and may have changed something,
	 * in order.
	 */
	List<String> executed() {
		return List.copyOf(this.executed);
	}

	/**
	 * Describe the statements that ran, for a message: numbered, shortened, at most a
	 * few.
	 */
	String describeExecuted() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < this.executed.size() && i < MAX_SHOWN; i++) {
			text.append((i > 0) ? "; " : "").append(i + 1).append(". ").append(shorten(this.executed.get(i)));
		}
		if (this.executed.size() > MAX_SHOWN) {
			text.append("; and ").append(this.executed.size() - MAX_SHOWN).append(" more");
		}
		return text.toString();
	}

	static String shorten(String sql) {
		String flat = sql.strip().replaceAll("\\s+", " ");
		return (flat.length() <= MAX_LENGTH) ? flat : flat.substring(0, MAX_LENGTH) + "…";
	}

	private void ran(String sql, boolean query) {
		String start = sql.stripLeading().toUpperCase(Locale.ROOT);
		if (!query && !start.startsWith("SELECT") && !start.startsWith("SHOW") && !start.startsWith("WITH")) {
			this.executed.add(sql);
		}
	}

	private static Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private final class ConnectionHandler implements InvocationHandler {

		private final Connection connection;

		ConnectionHandler(Connection connection) {
			this.connection = connection;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
			switch (method.getName()) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "toString":
					return "Statement-logging " + this.connection;
				case "unwrap":
					return (((Class<?>) args[0]).isInstance(proxy)) ? proxy
							: this.connection.unwrap((Class<?>) args[0]);
				case "isWrapperFor":
					return ((Class<?>) args[0]).isInstance(proxy) || this.connection.isWrapperFor((Class<?>) args[0]);
				default:
			}
			Object result = StatementLog.invoke(this.connection, method, args);
			if (result instanceof Statement statement && method.getReturnType().isInterface()) {
				String sql = (PREPARE.contains(method.getName()) && args != null && args[0] instanceof String text)
						? text : null;
				return Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
						new Class<?>[] { method.getReturnType() }, new StatementHandler(statement, sql));
			}
			return result;
		}

	}

	private final class StatementHandler implements InvocationHandler {

		private final Statement statement;

		private final @Nullable String prepared;

		private final List<String> batch = new ArrayList<>();

		StatementHandler(Statement statement, @Nullable String prepared) {
			this.statement = statement;
			this.prepared = prepared;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
			String name = method.getName();
			if (name.equals("equals")) {
				return proxy == args[0];
			}
			if (name.equals("hashCode")) {
				return System.identityHashCode(proxy);
			}
			if (name.equals("addBatch") && args != null && args.length == 1 && args[0] instanceof String sql) {
				this.batch.add(sql);
			}
			if (!EXECUTE.contains(name)) {
				return StatementLog.invoke(this.statement, method, args);
			}
			String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text
					: (name.contains("Batch") && !this.batch.isEmpty()) ? String.join("; ", this.batch) : this.prepared;
			try {
				Object result = StatementLog.invoke(this.statement, method, args);
				if (sql != null) {
					ran(sql, name.equals("executeQuery"));
				}
				return result;
			}
			catch (Throwable ex) {
				StatementLog.this.failed = sql;
				throw ex;
			}
			finally {
				if (name.contains("Batch")) {
					this.batch.clear();
				}
			}
		}

	}

}
