package co.mipresgateway.server;

import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;

/**
 * Answers gzipped for the clients that ask for it ({@code Accept-Encoding: gzip}, as .NET's and most HTTP libraries'
 * automatic decompression sends): a large EPS's day is tens of megabytes of JSON or XML, a tenth of that gzipped.
 * Short answers (a PUT's, an error) are sent as they are. Request bodies are read as sent, never decompressed: the
 * ministry takes them plain, and so the body limit counts what arrives.
 */
final class AnswerCompression {

    /** Under this many bytes an answer is not worth the CPU of compressing it. */
    private static final int SMALLEST_COMPRESSED = 1024;

    private AnswerCompression() {
    }

    static Handler around(Handler handler) {
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(SMALLEST_COMPRESSED);
        CompressionHandler compression = new CompressionHandler(handler);
        compression.putCompression(gzip);
        compression.putConfiguration("/*", CompressionConfig.builder().defaults()
                .compressIncludeMethod("GET").compressIncludeMethod("POST")
                .decompressExcludePath("/*")
                .build());
        return compression;
    }
}
