package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over the limit with 413 in the ministry's shape. The rest of an oversize body is read and
 * dropped (up to a cap) before answering: a client still uploading when the server answers would otherwise
 * see a reset connection instead of the 413.
 */
public final class BodyLimitFilter implements Filter {

    /** A body that went over the limit while it was read (a chunked body announces no length). */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over the limit");
        }
    }

    private static final long DRAIN_CAP = 32L * 1024 * 1024;
    private static final String MESSAGE = "El cuerpo de la solicitud supera el tamaño máximo permitido.";

    private final long maxBytes;

    public BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getContentLengthLong() > maxBytes) {
            drain(request.getInputStream());
            FilterAnswers.message(request, (HttpServletResponse) res, 413, MESSAGE);
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Limited(request, maxBytes), res);
        if (res.isCommitted() && ((HttpServletResponse) res).getStatus() == 413) drain(request.getInputStream());
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; total < DRAIN_CAP && (n = in.read(buffer)) > 0; ) total += n;
        } catch (IOException e) {
            // The client went away: nothing left to answer.
        }
    }

    /** A request whose body stream fails once it goes past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CountingStream(super.getInputStream(), maxBytes);
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long count;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > maxBytes) throw new BodyTooLargeException();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
