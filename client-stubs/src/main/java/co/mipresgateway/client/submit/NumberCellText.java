package co.mipresgateway.client.submit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A number cell of an .xlsx as the submitter reads it: a date cell as yyyy-MM-dd whatever its display format, as the
 * API wants dates; any other number as the number it holds, whatever the sheet shows ({@code $ 12.500,50} is sent as
 * {@code 12500.5}); a number shown plainly as shown (a code's leading zeros and a quantity's decimals stay).
 */
final class NumberCellText extends DataFormatter {

    /** A number written plainly, digits with perhaps a point and decimals. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** From 10^15 on, a double no longer tells every integer apart: Excel has already rounded such a number. */
    private static final double EXACT_INTEGERS_BELOW = 1e15;
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final boolean date1904;

    /** @param date1904 whether the workbook counts its dates from 1904 (old Mac Excel) rather than from 1900 */
    NumberCellText(boolean date1904) {
        // A fixed locale: the machine's own (es-CO shows 12.500,50) must not change what is read.
        super(Locale.US);
        this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
        }
        String shown = super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing).strip();
        return PLAIN_NUMBER.matcher(shown).matches() ? shown : plain(value, shown);
    }

    /**
     * A number shown with grouping, a currency or in scientific notation ({@code $ 12,500.50}, {@code 1.0203E+11}) is
     * read as the number it holds. One too large for a double to hold every digit (a prescription number typed as a
     * number) keeps what Excel shows, which the checks refuse, rather than pass rounded as a valid one.
     */
    private static String plain(double value, String shown) {
        if (Math.abs(value) >= EXACT_INTEGERS_BELOW) return shown;
        // Excel keeps 15 significant digits: beyond them a formula's result carries binary noise (12451.050000000001).
        return new BigDecimal(value, EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }
}
