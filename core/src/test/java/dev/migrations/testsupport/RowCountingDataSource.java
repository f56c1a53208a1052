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

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A real DataSource that counts the rows its callers read: every {@code next()} of a
 * result set of a statement that returned {@code true}. Database metadata result sets are
 * not counted. It proves how much of a table a check reads.
 */
public final class RowCountingDataSource extends DelegatingDataSource {

	private final AtomicInteger rows = new AtomicInteger();

	public RowCountingDataSource(DataSource dataSource) {
		super(dataSource);
	}

	/**
	 * Return how many rows were read since the last reset.
	 * @return the count
	 */
	public int rowsRead() {
		return this.rows.get();
	}

	/**
	 * Start counting from zero.
	 */
	public void reset() {
		this.rows.set(0);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return (Connection) wrap(Connection.class, super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return (Connection) wrap(Connection.class, super.getConnection(username, password));
	}

	private Object wrap(Class<?> type, Object target) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (result instanceof Statement statement && method.getName().endsWith("tatement")) {
				return wrap(statementType(statement), statement);
			}
			if (result instanceof ResultSet resultSet
					&& (method.getName().startsWith("execute") || method.getName().equals("getResultSet"))) {
				return wrap(ResultSet.class, resultSet);
			}
			if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
				this.rows.incrementAndGet();
			}
			return result;
		};
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Class<?> statementType(Statement statement) {
		if (statement instanceof CallableStatement) {
			return CallableStatement.class;
		}
		return (statement instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
	}

}
