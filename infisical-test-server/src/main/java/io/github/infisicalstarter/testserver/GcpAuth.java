package io.github.infisicalstarter.testserver;

import java.util.List;

/**
 * The GCP Auth of a machine identity: its type ({@code gce}: ID tokens of the metadata
 * server; {@code iam}: JWTs signed by a service account's key) and, when set, the service
 * accounts, projects and zones allowed to log in. Token settings are those of
 * {@link #identity()}.
 *
 * @since 0.1.0
 */
public final class GcpAuth {

	private final Identity identity;

	private volatile String type = "gce";

	private volatile List<String> allowedServiceAccounts = List.of();

	private volatile List<String> allowedProjects = List.of();

	private volatile List<String> allowedZones = List.of();

	GcpAuth(Identity identity) {
		this.identity = identity;
	}

	/**
	 * Return the identity, to configure its tokens.
	 * @return the identity
	 */
	public Identity identity() {
		return this.identity;
	}

	/**
	 * Set the type, {@code gce} (the default) or {@code iam}.
	 * @param type the type
	 * @return this
	 */
	public GcpAuth type(String type) {
		this.type = type;
		return this;
	}

	/**
	 * Allow only these service accounts (by email).
	 * @param emails the service accounts' emails
	 * @return this
	 */
	public GcpAuth allowedServiceAccounts(String... emails) {
		this.allowedServiceAccounts = List.of(emails);
		return this;
	}

	/**
	 * Allow only instances of these projects ({@code gce} only).
	 * @param projects the project ids
	 * @return this
	 */
	public GcpAuth allowedProjects(String... projects) {
		this.allowedProjects = List.of(projects);
		return this;
	}

	/**
	 * Allow only instances in these zones ({@code gce} only).
	 * @param zones the zones
	 * @return this
	 */
	public GcpAuth allowedZones(String... zones) {
		this.allowedZones = List.of(zones);
		return this;
	}

	String type() {
		return this.type;
	}

	List<String> allowedServiceAccounts() {
		return this.allowedServiceAccounts;
	}

	List<String> allowedProjects() {
		return this.allowedProjects;
	}

	List<String> allowedZones() {
		return this.allowedZones;
	}

}
