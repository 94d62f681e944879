package co.mipresgateway.client.submit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file was encoded. Excel in Colombian Spanish saves "CSV (delimitado por comas)" in Windows-1252 and "CSV
 * UTF-8" with a byte order mark, and opens a file the same way: the results are written as the input was, so that
 * their accents (the Errores column is Spanish) read right where the input did.
 */
record CsvEncoding(Charset charset, boolean byteOrderMark) {

    static final CsvEncoding UTF8 = new CsvEncoding(StandardCharsets.UTF_8, false);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * A byte order mark: UTF-8, or UTF-16 (Excel's "Texto Unicode", a tab-delimited .txt); else UTF-8 if every byte
     * reads as such; else Windows-1252.
     */
    static CsvEncoding of(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new CsvEncoding(StandardCharsets.UTF_8, true);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new CsvEncoding(StandardCharsets.UTF_16LE, true);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new CsvEncoding(StandardCharsets.UTF_16BE, true);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return UTF8;
        } catch (CharacterCodingException notUtf8) {
            // Windows-1252 maps every byte but five to a character: accented text from Excel is never refused.
            return new CsvEncoding(WINDOWS_1252, false);
        }
    }

    String decode(byte[] bytes) {
        int mark = !byteOrderMark ? 0 : charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
        return new String(bytes, mark, bytes.length - mark, charset);
    }

    /** A writer of the file in this encoding; a character it cannot write becomes '?' rather than fail the results. */
    Writer writer(Path file) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset));
        if (byteOrderMark) writer.write('\uFEFF');
        return writer;
    }
}
