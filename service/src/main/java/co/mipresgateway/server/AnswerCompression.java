package co.mipresgateway.server;

import java.util.Locale;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers gzipped for the clients that ask for it ({@code Accept-Encoding: gzip}, as .NET's and most HTTP libraries'
 * automatic decompression sends): a large EPS's day is tens of megabytes of JSON or XML, and far less gzipped.
 * A PUT's answer is sent as it is; a query's is gzipped whatever its length, being written before its length is
 * known. Request bodies are read as sent, never decompressed: the ministry takes them plain, and so the body limit
 * counts what arrives. A request that does not ask (the load tests, most machine clients) goes past Jetty's
 * compression handler altogether: with every request through it, a warm GET / cost 16-41 µs more CPU in two
 * alternated rounds (bench/README.md, twelfth session).
 */
final class AnswerCompression extends Handler.Wrapper {

    /** Under this many bytes an answer of known length is not worth the CPU of compressing it. */
    private static final int SMALLEST_COMPRESSED = 1024;

    private final Handler plain;

    private AnswerCompression(CompressionHandler compression, Handler plain) {
        super(compression);
        this.plain = plain;
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
        return new AnswerCompression(compression, handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String accepted = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        boolean asksForGzip = accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
        return asksForGzip ? super.handle(request, response, callback) : plain.handle(request, response, callback);
    }
}
