package io.github.infisicalstarter.diagnostics;

import io.github.infisicalstarter.InfisicalException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports any start-up failure of the starter as one sentence saying what happened
 * (naming the URL, project, environment and path where relevant) and one saying which
 * property or step fixes it.
 *
 * @since 0.1.0
 */
class InfisicalFailureAnalyzer extends AbstractFailureAnalyzer<InfisicalException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InfisicalException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
