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
package dev.migrations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts, for one Java migration, what the safety checks would otherwise report as an
 * error: the change was reviewed and is meant to be made this way (a rewrite of a small
 * table, a drop after the contract step). SQL files say the same with a first line such
 * as {@code -- migrations: allow=rewrite}. <pre class="code">
 * &#64;AllowUnsafe("rewrite")
 * class V7__WidenCodes implements Migration { … }
 * </pre>
 *
 * @since 0.3.0
 * @see SafetyReport
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowUnsafe {

	/**
	 * Return the ids of the accepted rules, such as {@code rewrite} or
	 * {@code index-not-concurrent}; {@code all} accepts every rule.
	 * @return the rule ids
	 */
	String[] value();

}
