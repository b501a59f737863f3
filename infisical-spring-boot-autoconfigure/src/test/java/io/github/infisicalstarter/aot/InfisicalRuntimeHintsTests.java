package io.github.infisicalstarter.aot;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.stream.Stream;

import io.github.infisicalstarter.config.InfisicalProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints of {@link InfisicalRuntimeHints}, checked with
 * {@link RuntimeHintsPredicates}: one per type the starter binds or loads by name.
 */
class InfisicalRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	InfisicalRuntimeHintsTests() {
		new InfisicalRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	static Stream<Class<?>> boundTypes() {
		return Stream.of(InfisicalProperties.class, InfisicalProperties.Location.class, InfisicalProperties.Http.class,
				InfisicalProperties.Ssl.class, InfisicalProperties.Token.class, InfisicalProperties.Refresh.class,
				InfisicalProperties.Retry.class, JksSslBundleProperties.class, PemSslBundleProperties.class);
	}

	@ParameterizedTest
	@MethodSource("boundTypes")
	void boundTypeCanBeReflectedOn(Class<?> type) {
		assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(this.hints);
	}

	@ParameterizedTest
	@MethodSource("boundTypes")
	void recordsCanBeConstructedByTheBinder(Class<?> type) throws NoSuchMethodException {
		if (!type.isRecord()) {
			return;
		}
		Constructor<?> canonical = type.getDeclaredConstructor(
				Stream.of(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical)).accepts(this.hints);
	}

	@Test
	void springCloudContextProbeIsRegistered() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(InfisicalRuntimeHints.SPRING_CLOUD_PROPERTY_UTILS))).accepts(this.hints);
	}

	@Test
	void registeredInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(InfisicalRuntimeHints.class);
	}

}
