package co.mipresgateway.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * An answer kept in memory instead of sent, so that a filter may still replace it once the request has run: its
 * status and headers are set on the real response (nothing is sent before the body), its body waits here until
 * {@link #release()}. For a transaction's answer, which is a few hundred bytes.
 */
final class HeldAnswer extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private final ServletOutputStream stream = new ServletOutputStream() {
        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            body.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("a held answer is written blocking");
        }
    };
    private PrintWriter writer;

    HeldAnswer(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        return writer;
    }

    // The length is the real response's to set when the body is released (or replaced).
    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public void setHeader(String name, String value) {
        if (!isLength(name)) super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (!isLength(name)) super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!isLength(name)) super.setIntHeader(name, value);
    }

    private static boolean isLength(String header) {
        return "Content-Length".equalsIgnoreCase(header);
    }

    @Override
    public void flushBuffer() {
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    /** Sends the held body as the answer. */
    void release() throws IOException {
        if (writer != null) writer.flush();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
