package co.mipresgateway.store;

import co.mipresgateway.suministro.MipresTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Reading columns into the ministry's record formats. */
final class Rows {

    private Rows() {
    }

    static String fechaHora(ResultSet rs, String column) throws SQLException {
        return MipresTime.format(rs.getObject(column, LocalDateTime.class));
    }

    static String fecha(ResultSet rs, String column) throws SQLException {
        return MipresTime.format(rs.getObject(column, LocalDate.class));
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
