package io.github.infisicalstarter.testserver.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.TestPropertySource;

/**
 * Points every {@code @SpringBootTest} of the annotated class at the JVM's
 * {@link InfisicalTestServer#shared() shared test server}, before Spring Boot prepares
 * the environment, so the Infisical starter (which loads secrets in an
 * {@code EnvironmentPostProcessor}, earlier than {@code @DynamicPropertySource} values
 * exist) reads from the test server and never from the {@code site-url} in
 * {@code application.yml}. It sets {@code infisical.site-url},
 * {@code infisical.client-id}, {@code infisical.client-secret},
 * {@code infisical.project-id} ({@value InfisicalTestServer#DEFAULT_PROJECT_ID}) and
 * {@code infisical.environment} ({@value InfisicalTestServer#DEFAULT_ENVIRONMENT}) above
 * every configuration file; {@code @SpringBootTest(properties = ...)} may still choose
 * another project or environment, but a different {@code infisical.site-url} fails the
 * test. Test and lifecycle methods can take the server as a parameter: <pre class="code">
 * &#64;SpringBootTest
 * &#64;InfisicalTest
 * class MyApplicationTests {
 *
 *     &#64;BeforeAll
 *     static void secrets(InfisicalTestServer infisical) {
 *         infisical.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "DB_PASSWORD", "s3cr3t");
 *     }
 *
 *     &#64;Test
 *     void readsTheSecret(&#64;Autowired Environment environment) {
 *         assertThat(environment.getProperty("DB_PASSWORD")).isEqualTo("s3cr3t");
 *     }
 *
 * }
 * </pre> The server is shared by all test classes of the JVM, as Spring shares cached
 * application contexts, so its URL never changes and contexts are reused; seed keys the
 * class owns before its context starts (in {@code @BeforeAll}) and put back what a test
 * changes. After each test its faults are cleared and a stopped server is restarted.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfisicalTestExtension.class)
@TestPropertySource(locations = InfisicalTestPropertySourceFactory.LOCATION,
		factory = InfisicalTestPropertySourceFactory.class)
public @interface InfisicalTest {

}
