package co.mipresgateway.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;

/**
 * Where the pool gets its embedded connections: none is made while the {@link StorageGate} is shut, since opening one
 * then could open the file again while old connections are still about (see the gate). The pool's connection maker
 * waits for the gate to open, and makes the connection at once when it does.
 */
final class GatedH2Connections implements DataSource {

    private final Driver driver = org.h2.Driver.load();
    private final String url;
    private final Properties credentials = new Properties();
    private final StorageGate gate;
    private volatile int loginTimeoutSeconds;

    GatedH2Connections(String url, String user, String password, StorageGate gate) {
        this.url = url;
        this.gate = gate;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!gate.awaitOpen()) refuseWhileShut();
        Connection connection;
        try {
            connection = driver.connect(url, credentials);
        } catch (SQLException e) {
            if (StorageFailure.causedIt(e)) gate.shut(e);
            throw e;
        }
        gate.made(connection);
        if (gate.isShut()) {
            // Shut while this one was made: it may belong to either opening of the file, and is not lent.
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection that is not kept
            }
            refuseWhileShut();
        }
        return connection;
    }

    private void refuseWhileShut() throws SQLException {
        Throwable cause = gate.shutBy();
        if (cause != null) {
            // A request that waited for this connection is told, as those refused at the gate, that nothing was done.
            throw new SQLException("The database file could not be written; no connection until it is opened again",
                    "90098", ErrorCode.DATABASE_IS_CLOSED, StorageFailure.refusal(cause));
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();   // the credentials are the configured ones, given at construction
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Kept, not used to open a connection: the pool waits this long for its connection maker to end as it closes.
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
