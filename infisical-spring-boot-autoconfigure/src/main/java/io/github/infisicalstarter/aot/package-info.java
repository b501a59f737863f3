/**
 * Spring AOT and native-image support: the runtime hints for what the starter binds or
 * loads by name while the environment is prepared, outside any bean definition that AOT
 * processing would see.
 */
@NullMarked
package io.github.infisicalstarter.aot;

import org.jspecify.annotations.NullMarked;
