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

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrations.SafetyReport;
import dev.migrations.SafetyReport.Finding;

import org.springframework.util.Assert;

/**
 * Writes a {@link SafetyReport} as SARIF 2.1.0, the format code-scanning tools read: one
 * rule per id with its recipe as help, one result per finding, located at the SQL file or
 * named by the Java class; accepted findings carry an in-source suppression.
 * <pre class="code">
 * Files.writeString(Path.of("target/migrations-safety.sarif"), SafetySarif.of(tester.checkSafety()));
 * </pre>
 *
 * @since 0.3.0
 */
public final class SafetySarif {

	private SafetySarif() {
	}

	/**
	 * Return the report as a SARIF log.
	 * @param report the report
	 * @return the JSON text
	 */
	public static String of(SafetyReport report) {
		Assert.notNull(report, "'report' must not be null");
		Map<String, Finding> rules = new LinkedHashMap<>();
		report.migrations().forEach((entry) -> entry.findings().forEach((f) -> rules.putIfAbsent(f.rule(), f)));
		StringBuilder json = new StringBuilder();
		json.append("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",");
		json.append("\"runs\":[{\"tool\":{\"driver\":{\"name\":\"migrations safety rules\",\"rules\":[");
		String separator = "";
		for (Finding rule : rules.values()) {
			json.append(separator).append("{\"id\":").append(string(rule.rule()));
			json.append(",\"defaultConfiguration\":{\"level\":").append(string(level(rule))).append('}');
			json.append(",\"help\":{\"text\":").append(string("Safe recipe: " + rule.recipe())).append("}}");
			separator = ",";
		}
		json.append("]}},\"automationDetails\":{\"id\":").append(string("migrations/" + report.dataSourceName()));
		json.append("},\"results\":[");
		separator = "";
		for (SafetyReport.Entry entry : report.migrations()) {
			for (Finding finding : entry.findings()) {
				json.append(separator).append(result(finding));
				separator = ",";
			}
		}
		return json.append("]}]}").toString();
	}

	private static String result(Finding finding) {
		StringBuilder json = new StringBuilder("{\"ruleId\":").append(string(finding.rule()));
		json.append(",\"level\":").append(string(level(finding)));
		json.append(",\"message\":{\"text\":")
			.append(string("Migration " + finding.version() + " " + finding.message() + ". Safe recipe: "
					+ finding.recipe() + "."))
			.append('}');
		json.append(",\"locations\":[").append(location(finding.source())).append(']');
		if (finding.accepted()) {
			json.append(",\"suppressions\":[{\"kind\":\"inSource\",\"justification\":")
				.append(string("accepted in the migration (" + finding.rule() + ")"))
				.append("}]");
		}
		return json.append('}').toString();
	}

	private static String location(String source) {
		int colon = source.indexOf(':');
		if (source.startsWith("classpath:") || source.startsWith("filesystem:")) {
			String path = source.substring(colon + 1).replaceFirst("^/+", "");
			return "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" + string(path) + "}}}";
		}
		return "{\"logicalLocations\":[{\"fullyQualifiedName\":" + string(source) + ",\"kind\":\"type\"}]}";
	}

	private static String level(Finding finding) {
		return (finding.level() == SafetyReport.Level.ERROR) ? "error" : "warning";
	}

	static String string(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
