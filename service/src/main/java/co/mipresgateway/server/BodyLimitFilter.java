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
import java.util.concurrent.TimeoutException;

/**
 * The limits a request body must keep: its size and the time it takes to arrive. Bodies over the size are refused
 * with 413 in the ministry's shape; the rest of an oversize body is read and dropped (up to a cap and the time
 * limit) before answering: a client still uploading when the server answers would otherwise see a reset
 * connection instead of the 413.
 *
 * <p>A body must be whole within the time limit of its request's arrival. The idle timeout bounds only the silence
 * between two bytes: a body sent a byte every minute would otherwise hold a server thread for as long as its length
 * allows, and a few hundred of them every thread. Past the limit the read fails as a stalled one does (408, nothing
 * written). Reads after the body's end are not checked: a request that waited for a row is answered as it should.
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
    private final long maxNanos;

    public BodyLimitFilter(long maxBytes, java.time.Duration maxTime) {
        this.maxBytes = maxBytes;
        this.maxNanos = maxTime.toNanos();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        long deadline = System.nanoTime() + maxNanos;
        if (request.getContentLengthLong() > maxBytes) {
            drain(request.getInputStream(), deadline);
            FilterAnswers.message(request, (HttpServletResponse) res, 413, MESSAGE);
            return;
        }
        chain.doFilter(new Limited(request, maxBytes, deadline), res);
        if (res.isCommitted() && ((HttpServletResponse) res).getStatus() == 413) drain(request.getInputStream(), deadline);
    }

    private static void drain(InputStream in, long deadline) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; total < DRAIN_CAP && System.nanoTime() - deadline < 0 && (n = in.read(buffer)) > 0; ) total += n;
        } catch (IOException e) {
            // The client went away: nothing left to answer.
        }
    }

    /** A body that had not arrived whole within the time limit: read as a stalled one, whose cause is a timeout. */
    public static final class BodyTooSlowException extends IOException {
        BodyTooSlowException() {
            super("request body not whole within the time limit", new TimeoutException("request body time limit"));
        }
    }

    /** A request whose body stream fails once it goes past the size or the time limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final long deadline;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes, long deadline) {
            super(request);
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CountingStream(super.getInputStream(), maxBytes, deadline);
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final long deadline;
        private long count;

        CountingStream(ServletInputStream in, long maxBytes, long deadline) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.deadline = deadline;
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

        private void counted(int n) throws IOException {
            count += n;
            if (count > maxBytes) throw new BodyTooLargeException();
            if (System.nanoTime() - deadline > 0) throw new BodyTooSlowException();
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
