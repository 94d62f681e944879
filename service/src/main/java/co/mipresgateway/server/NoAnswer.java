package co.mipresgateway.server;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request whose connection was closed on purpose with nothing sent (the sandbox's written-no-answer fault). The
 * response still holds the handler's status, which the request log and the metrics would report as if it had been
 * answered; they report status 0 instead, as clients see it (curl's "000").
 */
final class NoAnswer {

    private static final String ATTRIBUTE = NoAnswer.class.getName();

    private NoAnswer() {
    }

    static void mark(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    /** The status the client got: the response's, or 0 when it got none. */
    static int statusSent(ServletRequest request, ServletResponse response) {
        return request.getAttribute(ATTRIBUTE) != null ? 0 : ((HttpServletResponse) response).getStatus();
    }
}
