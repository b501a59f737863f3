package io.github.infisicalstarter.bus;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.infisicalstarter.refresh.SecretsChangeNotice;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.bus.event.RemoteApplicationEvent;

/**
 * News, sent over Spring Cloud Bus to every instance, that secrets of an Infisical
 * project changed. It carries where the change happened (project, environment, folder)
 * and never keys or values, so the bus (and anyone who can read its topic) learns nothing
 * secret; each instance re-reads what it loads from Infisical itself.
 *
 * @since 0.1.0
 */
public class InfisicalSecretsChangedRemoteEvent extends RemoteApplicationEvent {

	private String projectId;

	private @Nullable String environment;

	private @Nullable String secretPath;

	/**
	 * For the bus's JSON deserialization, which fills the fields; marked so that it is
	 * not the public constructor (whose parameter names are in the class file) that
	 * Jackson picks.
	 */
	@JsonCreator
	@SuppressWarnings("unused")
	private InfisicalSecretsChangedRemoteEvent() {
		this.projectId = "";
	}

	/**
	 * Create an event for all instances.
	 * @param source the object that sends it
	 * @param originService the bus id of the sending instance
	 * @param notice where the change happened
	 */
	public InfisicalSecretsChangedRemoteEvent(Object source, String originService, SecretsChangeNotice notice) {
		super(source, originService);
		this.projectId = notice.projectId();
		this.environment = notice.environment();
		this.secretPath = notice.secretPath();
	}

	/**
	 * The project whose secrets changed.
	 * @return the project id
	 */
	public String getProjectId() {
		return this.projectId;
	}

	/**
	 * The environment of the change.
	 * @return the environment slug, if known
	 */
	public @Nullable String getEnvironment() {
		return this.environment;
	}

	/**
	 * The folder of the change.
	 * @return the folder, if known
	 */
	public @Nullable String getSecretPath() {
		return this.secretPath;
	}

	/**
	 * The notice this event stands for on a receiving instance.
	 * @return a notice with origin {@link SecretsChangeNotice.Origin#BUS}
	 */
	public SecretsChangeNotice toNotice() {
		return new SecretsChangeNotice(this.projectId, this.environment, this.secretPath,
				SecretsChangeNotice.Origin.BUS);
	}

	@Override
	public String toString() {
		return "InfisicalSecretsChangedRemoteEvent[projectId=" + this.projectId + ", environment=" + this.environment
				+ ", secretPath=" + this.secretPath + ", originService=" + getOriginService() + "]";
	}

}
