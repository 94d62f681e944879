package co.mipresgateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Positional statements run on the transaction's own connection, without Jdbi's statement machinery: for the
 * statements every delivery and report runs, where Jdbi's per-statement context, argument binding and result
 * mapping cost about half as much CPU as H2's own execution of them (see bench/README.md, ninth session). Failures
 * are thrown as Jdbi's exception, with the SQLException as cause, as Jdbi's statements throw them. The row mappers
 * passed in get no statement context: the stores' mappers read only the ResultSet.
 */
final class PlainStatements {

    private PlainStatements() {
    }

    /** The one row the query finds, or empty. */
    static <T> Optional<T> findOne(Handle h, String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs, null)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** The number of rows changed. */
    static int update(Handle h, String sql, Object... args) {
        try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Inserts one row and returns the value the database generated for {@code keyColumn}. */
    static long insertReturningKey(Handle h, String sql, String keyColumn, Object... args) {
        try (PreparedStatement statement = h.getConnection().prepareStatement(sql, new String[] {keyColumn})) {
            bind(statement, args);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("the database generated no " + keyColumn);
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) statement.setNull(i + 1, Types.NULL);
            else statement.setObject(i + 1, args[i]);
        }
    }
}
