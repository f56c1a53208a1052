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

package dev.migrations.dialect;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this host, looked up once and only when first asked: the lookup can be
 * slow. The history records it, and lock files name it.
 */
public final class HostName {

	private HostName() {
	}

	/**
	 * Return this host's name.
	 * @return the name, or {@code unknown}
	 */
	public static String get() {
		return Holder.NAME;
	}

	private static final class Holder {

		static final String NAME = lookUp();

		private static String lookUp() {
			try {
				return InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				return "unknown";
			}
		}

	}

}
