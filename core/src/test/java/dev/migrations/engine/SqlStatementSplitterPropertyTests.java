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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests for {@link SqlStatementSplitter}: random statements built from tricky
 * pieces (strings, escape strings, quoted identifiers, dollar quotes, comments, trigger
 * and atomic bodies, all holding semicolons) are joined with semicolons, comments and
 * blank lines, and the split must give back exactly those statements and their lines.
 */
class SqlStatementSplitterPropertyTests {

	private static final int RUNS = 3000;

	private static final String[] WORDS = { "SELECT", "a", "b1", "x$y", "from", "t", "and", "_z", "É" };

	private static final String TEXT = "ab ;;'\"$-/*\\\n\tx";

	@Test
	void splitGivesBackTheJoinedStatements() {
		for (int seed = 0; seed < RUNS; seed++) {
			Random random = new Random(seed);
			List<SqlStatement> expected = new ArrayList<>();
			StringBuilder script = new StringBuilder();
			int count = random.nextInt(6);
			for (int i = 0; i < count; i++) {
				script.append(gap(random));
				String statement = statement(random);
				expected.add(new SqlStatement(statement, lines(script) + 1));
				script.append(statement);
				if (i < count - 1 || random.nextBoolean()) {
					script.append(random.nextBoolean() ? ";" : " \n;;");
				}
			}
			if (random.nextBoolean()) {
				script.append(gap(random));
			}
			String text = script.toString();
			assertThat(SqlStatementSplitter.split(text, "generated.sql")).as("seed %d, script:%n%s", seed, text)
				.isEqualTo(expected);
		}
	}

	private static String statement(Random random) {
		int shape = random.nextInt(10);
		if (shape == 0) {
			return "CREATE TRIGGER tr AFTER INSERT ON t BEGIN " + plain(random) + "; " + "UPDATE t SET a = CASE WHEN "
					+ plain(random) + " THEN 1 END; END";
		}
		if (shape == 1) {
			return "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC " + plain(random) + "; END";
		}
		return plain(random);
	}

	/**
	 * A statement that starts with a word and ends with something other than a comment.
	 */
	private static String plain(Random random) {
		StringBuilder statement = new StringBuilder(word(random));
		int pieces = random.nextInt(8);
		for (int i = 0; i < pieces; i++) {
			statement.append(separator(random)).append(piece(random));
		}
		return statement.append(separator(random)).append(word(random)).toString();
	}

	private static String piece(Random random) {
		return switch (random.nextInt(11)) {
			case 0 -> "'" + text(random).replace("'", "''") + "'";
			case 1 ->
				"E'" + text(random).replace("\\", "\\\\").replace("'", (random.nextBoolean()) ? "\\'" : "''") + "'";
			case 2 -> "\"" + text(random).replace("\"", "\"\"") + "\"";
			case 3 -> dollarQuoted(random);
			case 4 -> "-- " + text(random).replace('\n', ' ') + "\n";
			case 5 -> "/* " + comment(random) + " /* " + comment(random) + " */ */";
			case 6 -> "(" + word(random) + ", '" + text(random).replace("'", "''") + "')";
			case 7 -> String.valueOf(random.nextInt(1000));
			case 8 -> "$" + (1 + random.nextInt(9));
			case 9 -> "`" + text(random).replace("`", "") + "`";
			default -> word(random);
		};
	}

	private static String dollarQuoted(Random random) {
		String tag = (random.nextBoolean()) ? "" : "t" + random.nextInt(3);
		String other = "$x" + tag + "$";
		String body = text(random).replace("$", "") + ((random.nextBoolean()) ? other + ";" + other : "");
		return "$" + tag + "$" + body + "$" + tag + "$";
	}

	private static String comment(Random random) {
		return text(random).replace("*", "").replace("/", "");
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			text.append(TEXT.charAt(random.nextInt(TEXT.length())));
		}
		return text.toString();
	}

	private static String word(Random random) {
		return WORDS[random.nextInt(WORDS.length)];
	}

	private static String separator(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> "\n";
			case 1 -> "\t";
			default -> " ";
		};
	}

	/** What may stand between statements: whitespace, blank lines and comments. */
	private static String gap(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> "";
			case 1 -> "\n\n  ";
			case 2 -> "\n-- " + text(random).replace('\n', ' ') + "\n";
			case 3 -> " /* " + comment(random) + " */\n";
			default -> "\n";
		};
	}

	private static int lines(CharSequence text) {
		int lines = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

}
