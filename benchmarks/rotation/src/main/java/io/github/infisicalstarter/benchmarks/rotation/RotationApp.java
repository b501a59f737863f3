package io.github.infisicalstarter.benchmarks.rotation;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The app of the rotation benchmark: nothing but Spring Boot's own HikariCP pool and
 * {@code JdbcTemplate}, built from {@code spring.datasource.*}, and the starter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RotationApp {

}
