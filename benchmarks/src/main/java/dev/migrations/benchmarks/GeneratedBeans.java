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

package dev.migrations.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * N real {@code @Component} classes {@code V<i>__CreateT<i>} written from one template
 * and compiled once, as an application would have them: component scanning finds them
 * and, for the migration tools, the names give the versions.
 *
 * @param packageName the package the classes are generated into
 * @param heading what follows the class name, such as
 * {@code implements dev.migrations.Migration}; empty for none
 * @param body the class body, {@code %s} standing for migration i's SQL statement
 */
record GeneratedBeans(String packageName, String heading, String body) {

	/**
	 * Write and compile the classes below {@code directory}, unless an earlier run did.
	 * @param directory where the sources and classes go
	 * @param size how many classes
	 * @param classpath what the classes compile against
	 * @return the directory of the compiled classes, for a classpath
	 * @throws IOException if the files cannot be written
	 */
	Path compile(Path directory, int size, List<String> classpath) throws IOException {
		Path classes = directory.resolve("classes").toAbsolutePath();
		if (Files.isDirectory(classes)) {
			return classes;
		}
		Path sources = Files
			.createDirectories(directory.resolve("sources").resolve(this.packageName.replace('.', '/')));
		Path compiling = directory.resolve("classes.tmp").toAbsolutePath();
		List<String> arguments = new ArrayList<>(List.of("-d", compiling.toString(), "-cp",
				String.join(File.pathSeparator, classpath), "--release", "17", "-nowarn"));
		for (int i = 1; i <= size; i++) {
			String name = "V" + i + "__CreateT" + i;
			Path file = sources.resolve(name + ".java");
			String heading = (this.heading.isEmpty()) ? "" : " " + this.heading;
			Files.writeString(file,
					"package " + this.packageName + ";\n\n@org.springframework.stereotype.Component\n" + "public class "
							+ name + heading + " {\n\n" + this.body.formatted(Workload.createTable(i)) + "\n}\n");
			arguments.add(file.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler.run(null, null, null, arguments.toArray(new String[0])) != 0) {
			throw new IllegalStateException("Compiling the generated beans in " + this.packageName + " failed");
		}
		Files.move(compiling, classes);
		return classes;
	}

}
