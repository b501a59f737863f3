package io.github.infisicalstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample's entry point. Nothing here knows about Infisical: the starter puts the
 * secrets into the Environment before any bean is created. Without credentials,
 * {@link DemoInfisical} stands in for a real Infisical so the sample runs anywhere.
 */
@SpringBootApplication
@EnableConfigurationProperties(DbProperties.class)
public class SampleApplication {

	public static void main(String[] args) {
		run(DemoInfisical.isWanted(System.getenv(), System.getProperties(), args), args);
	}

	/**
	 * Run the application, in demo mode or against the Infisical the configuration names.
	 * @param demo whether to start the embedded test server with demo secrets first
	 * @param args the command-line arguments
	 * @return the running context
	 */
	static ConfigurableApplicationContext run(boolean demo, String... args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setMainApplicationClass(SampleApplication.class);
		if (!demo) {
			return application.run(args);
		}
		DemoInfisical infisical = DemoInfisical.start();
		application.addInitializers(infisical::register);
		try {
			return application.run(args);
		}
		catch (RuntimeException ex) {
			infisical.close();
			throw ex;
		}
	}

}
