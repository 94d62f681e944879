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
import java.time.Duration;

/**
 * The limits a request body must keep: its size and the time the rest of a long one takes to arrive
 * ({@link BodyDeadline}, counted from here, once what {@link BodyGathering} gathered has been handed over). Bodies over the size are refused with 413 in the ministry's shape; the rest of an oversize
 * body is read and dropped (up to a cap and the time limit) before answering: a client still uploading when the
 * server answers would otherwise see a reset connection instead of the 413. Reads after the body's end are not
 * checked: a request that waited for a row is answered as it should be.
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

    public BodyLimitFilter(long maxBytes, Duration maxTime) {
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
        BodyDeadline bodyDeadline = new BodyDeadline(request, deadline);
        try {
            chain.doFilter(new Limited(request, maxBytes, bodyDeadline), res);
        } finally {
            bodyDeadline.restore();
        }
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

    /** A request whose body stream fails once it goes past the size or the time limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final BodyDeadline deadline;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes, BodyDeadline deadline) {
            super(request);
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes, getContentLengthLong(), deadline);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        /** The announced length; -1 for a chunked body. */
        private final long length;
        private final BodyDeadline deadline;
        private long count;

        CountingStream(ServletInputStream in, long maxBytes, long length, BodyDeadline deadline) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.length = length;
            this.deadline = deadline;
        }

        /**
         * Begun and not whole: the next read may wait for bytes still to come. Before the first byte only the idle
         * timeout applies: a body that never begins is a stalled one.
         */
        private boolean partlyArrived() {
            return count > 0 && (length < 0 ? !in.isFinished() : count < length);
        }

        @Override
        public int read() throws IOException {
            if (partlyArrived()) deadline.beforeWaiting();
            int b;
            try {
                b = in.read();
            } catch (IOException failure) {
                throw deadline.explained(failure);
            }
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (partlyArrived()) deadline.beforeWaiting();
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException failure) {
                throw deadline.explained(failure);
            }
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > maxBytes) throw new BodyTooLargeException();
            deadline.afterData();
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
