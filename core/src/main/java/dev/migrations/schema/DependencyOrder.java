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

package dev.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders definitions so that each comes after those it depends on, keeping the given
 * order (by name) wherever dependencies allow: the result depends only on the schema, not
 * on the order objects were created in. A cycle, which databases do not allow among
 * views, is broken in the given order.
 */
final class DependencyOrder {

	private DependencyOrder() {
	}

	/**
	 * Sort definitions.
	 * @param <K> the key of an object
	 * @param definitions the definitions by key, in name order
	 * @param dependencies what each key depends on; keys not defined are ignored
	 * @return the definitions in dependency order
	 */
	static <K> List<String> sort(Map<K, String> definitions, Map<K, Set<K>> dependencies) {
		Map<K, String> remaining = new LinkedHashMap<>(definitions);
		Set<K> done = new LinkedHashSet<>();
		List<String> sorted = new ArrayList<>();
		while (!remaining.isEmpty()) {
			K next = remaining.keySet()
				.stream()
				.filter((key) -> ready(key, dependencies, definitions, done))
				.findFirst()
				.orElse(remaining.keySet().iterator().next());
			sorted.add(remaining.remove(next));
			done.add(next);
		}
		return sorted;
	}

	private static <K> boolean ready(K key, Map<K, Set<K>> dependencies, Map<K, String> definitions, Set<K> done) {
		for (K dependency : dependencies.getOrDefault(key, Set.of())) {
			if (!dependency.equals(key) && definitions.containsKey(dependency) && !done.contains(dependency)) {
				return false;
			}
		}
		return true;
	}

}
