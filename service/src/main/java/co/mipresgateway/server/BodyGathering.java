package co.mipresgateway.server;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Gathers a request's body, up to {@code gatherBytes}, before the request is given a thread: a client on a slow link
 * (or one that trickles its body on purpose) then holds a connection, not one of the server's threads, while its
 * body comes. A transaction's body (a few hundred bytes) is gathered whole; the rest of a longer one is read as it
 * comes, within {@link BodyDeadline}.
 *
 * <p>Jetty's own {@code RetainedContentLoaderFactory} does the same but waits on past the idle timeout (it keeps
 * the timeout as a transient failure and reads on), so a body that stops arriving held its connection for ever and
 * was never answered. Here a failure ends the gathering like the body's end does: the application reads the failure
 * and answers 408, as it did without gathering.
 */
final class BodyGathering implements EagerContentHandler.ContentLoaderFactory {

    private final long gatherBytes;

    BodyGathering(long gatherBytes) {
        this.gatherBytes = gatherBytes;
    }

    @Override
    public String getApplicableMimeType() {
        return null;   // every type of body
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, Handler handler,
            Request request, Response response, Callback callback) {
        return new Gatherer(handler, request, response, callback, gatherBytes);
    }

    private static final class Gatherer extends EagerContentHandler.ContentLoader implements Invocable.Task {
        private final long gatherBytes;
        /**
         * The body so far, copied: holding Jetty's chunks instead could pin an input buffer for each byte a
         * trickling client sends.
         */
        private byte[] body;
        private int length;
        private boolean whole;
        /** The failure that ended the gathering (the idle timeout), if any: the application reads it after the bytes. */
        private Content.Chunk failure;

        Gatherer(Handler handler, Request request, Response response, Callback callback, long gatherBytes) {
            super(handler, request, response, callback);
            this.gatherBytes = gatherBytes;
            long announced = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            this.body = new byte[(int) (announced > 0 ? Math.min(announced, gatherBytes) : 512)];
        }

        @Override
        protected void load() {
            gather(false);
        }

        /** More of the body came: called by Jetty on its I/O thread, which must not run the application. */
        @Override
        public void run() {
            gather(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void gather(boolean onIoThread) {
            while (true) {
                Content.Chunk chunk = getRequest().read();
                if (chunk == null) {
                    getRequest().demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    failure = chunk;
                } else {
                    copy(chunk.getByteBuffer());
                    whole = chunk.isLast();
                    chunk.release();
                }
                if (whole || failure != null || length >= gatherBytes) {
                    if (onIoThread) getRequest().getContext().execute(this::dispatch);
                    else dispatch();
                    return;
                }
            }
        }

        private void copy(ByteBuffer bytes) {
            int n = bytes.remaining();
            if (length + n > body.length) body = Arrays.copyOf(body, Math.max(length + n, body.length * 2));
            bytes.get(body, length, n);
            length += n;
        }

        private void dispatch() {
            Deque<Content.Chunk> gathered = new ArrayDeque<>(2);
            if (length > 0 || whole) gathered.add(Content.Chunk.from(ByteBuffer.wrap(body, 0, length), whole));
            if (failure != null) gathered.add(failure);
            handle(new Gathered(getRequest(), gathered), getResponse(), getCallback());
        }
    }

    /** The request as the application reads it: the gathered body first, then whatever is still to come. */
    private static final class Gathered extends Request.Wrapper {
        private final Deque<Content.Chunk> gathered;

        Gathered(Request wrapped, Deque<Content.Chunk> gathered) {
            super(wrapped);
            this.gathered = gathered;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = gathered.pollFirst();
            return chunk != null ? chunk : super.read();
        }
    }
}
