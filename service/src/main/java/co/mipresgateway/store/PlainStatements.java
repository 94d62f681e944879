package co.mipresgateway.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
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

    /** Every row the query finds. */
    static <T> List<T> list(Handle h, String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) rows.add(mapper.map(rs, null));
                return rows;
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

    /** A long[] is bound as an SQL array of BIGINT: one statement for any number of IDs ({@code id = ANY(?)}). */
    private static Array bigints(PreparedStatement statement, long[] ids) throws SQLException {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) boxed[i] = ids[i];
        return statement.getConnection().createArrayOf("bigint", boxed);
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) statement.setNull(i + 1, Types.NULL);
            else if (args[i] instanceof long[] ids) statement.setArray(i + 1, bigints(statement, ids));
            else statement.setObject(i + 1, args[i]);
        }
    }
}
