package io.github.infisicalstarter.datasource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the rotation tests and benchmark, started from binaries that
 * arrive as a Maven artifact (it also starts when the build runs as root). initdb trusts
 * every local connection; this one then demands a password (SCRAM) from every role but
 * the superuser, as a production database does, so a wrong password really fails.
 */
public final class TestDatabase implements AutoCloseable {

	private static final String HBA = """
			local all all trust
			host all postgres 127.0.0.1/32 trust
			host all postgres ::1/128 trust
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private TestDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Start a database.
	 * @return the running database
	 * @throws IOException if it cannot start
	 * @throws SQLException if it cannot be configured
	 */
	public static TestDatabase start() throws IOException, SQLException {
		// initdb's progress report (standard output) is left out; the server's log stays
		TestDatabase database = new TestDatabase(
				EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start());
		try (Connection connection = database.superuser(); Statement statement = connection.createStatement()) {
			ResultSet hbaFile = statement.executeQuery("SHOW hba_file");
			hbaFile.next();
			Files.writeString(Path.of(hbaFile.getString(1)), HBA);
			statement.execute("SELECT pg_reload_conf()");
		}
		return database;
	}

	/**
	 * Return the JDBC URL of the database, without credentials.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/postgres";
	}

	/**
	 * Create a role that may log in with a password.
	 * @param role the role
	 * @param password its password
	 */
	public void createRole(String role, String password) {
		execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
	}

	/**
	 * Change a role's password, as a rotation does: from now on only the new one logs in,
	 * and connections opened with the old one live on.
	 * @param role the role
	 * @param password the new password
	 */
	public void password(String role, String password) {
		execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
	}

	/**
	 * Whether a new connection can be opened with these credentials.
	 * @param role the role
	 * @param password the password
	 * @return whether the login works
	 */
	public boolean canLogIn(String role, String password) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), role, password)) {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Return the process ids of the open connections of a role.
	 * @param role the role
	 * @return the backend process ids
	 */
	public Set<Integer> backends(String role) {
		try (Connection connection = superuser();
				PreparedStatement statement = connection
					.prepareStatement("SELECT pid FROM pg_stat_activity WHERE usename = ?")) {
			statement.setString(1, role);
			Set<Integer> pids = new HashSet<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					pids.add(result.getInt(1));
				}
			}
			return pids;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void execute(String sql) {
		try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("SQL failed: " + ex.getSQLState());
		}
	}

	private Connection superuser() throws SQLException {
		return this.postgres.getPostgresDatabase().getConnection();
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
