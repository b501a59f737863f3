package io.github.infisicalstarter.autoconfigure;

import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsServices;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnInfisicalSecretsService}.
 *
 * @since 0.1.0
 */
final class OnInfisicalSecretsServiceCondition extends SpringBootCondition implements ConfigurationCondition {

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		// like @ConditionalOnBean: after the bean definitions of user configuration exist
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return ConditionOutcome.match("AOT processing: whether secrets were loaded is known at run time");
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory == null) {
			return ConditionOutcome.noMatch("no bean factory");
		}
		// the starter's own doors register the service as a singleton of this name: a
		// look-up, where a search by type predicts the type of every bean definition
		if (beanFactory.containsSingleton(InfisicalSecretsServices.BEAN_NAME) || BeanFactoryUtils
			.beanNamesForTypeIncludingAncestors(beanFactory, InfisicalSecretsService.class, true, false).length > 0) {
			return ConditionOutcome.match("Infisical secrets were loaded");
		}
		return ConditionOutcome.noMatch("no Infisical secrets were loaded");
	}

}
