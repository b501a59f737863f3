package io.github.infisicalstarter.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application loaded Infisical secrets (an
 * {@link io.github.infisicalstarter.env.InfisicalSecretsService} is registered), and
 * always during Spring AOT processing. The service is created while the environment is
 * prepared, which AOT processing skips (nothing may contact Infisical at build time); a
 * plain {@code @ConditionalOnBean} would then leave the refresh watcher and the shutdown
 * hook out of the processed application for good. Beans under this condition therefore
 * look the service up through an {@code ObjectProvider} and do nothing without it.
 *
 * @since 0.1.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnInfisicalSecretsServiceCondition.class)
public @interface ConditionalOnInfisicalSecretsService {

}
