package co.mipresgateway.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox that fails as the ministry's service does, when asked to ({@code MIPRES_SANDBOX_FAULTS}), so that an
 * ERP team can prove its client neither loses nor doubles a report before it meets the real thing. The ministry
 * answers a bare {@code {"Message":"Error."}} or nothing at all, and a PUT answered so may or may not have been
 * recorded: that uncertainty is what clients get wrong, so two of the three faults of a PUT happen after the commit.
 * Only the REST face meets them; queries only when asked ({@link Kind#QUERY_ERROR}), so that by default a client can
 * always look up what happened, and GenerarToken only when asked ({@link Kind#TOKEN_ERROR}). Each fault is named in
 * the log and, where there is an answer, in an {@code X-Mipres-Sandbox-Fault} header.
 */
public final class SandboxFaults implements Filter {

    /** The ministry's own generic failure. */
    static final String MINISTRY_ERROR = "Error.";
    static final String HEADER = "X-Mipres-Sandbox-Fault";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxFaults.class);
    private static final String API = GatewayServer.API_PATH + "/";

    public enum Kind {
        /** 500 "Error." before the transaction runs: nothing is written. */
        NOT_WRITTEN,
        /** The transaction is committed, then answered 500 "Error." instead of its ids. */
        WRITTEN_ERROR,
        /** The transaction is committed, then the connection is closed with no answer (a timeout, to the client). */
        WRITTEN_NO_ANSWER,
        /** A query (not GenerarToken) answered 500 "Error.": only when listed, as it hides what a PUT did. */
        QUERY_ERROR,
        /** GenerarToken answered 500 "Error.": only when listed, as a client must then wait for its session. */
        TOKEN_ERROR;

        public String setting() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(String setting) {
            for (Kind kind : values()) if (kind.setting().equals(setting.strip())) return kind;
            throw new IllegalArgumentException(setting);
        }

        static List<Kind> listed(String settings) {
            return Arrays.stream(settings.split(",")).filter(s -> !s.isBlank()).map(Kind::of).distinct().toList();
        }
    }

    private static final String GENERAR_TOKEN = API + "GenerarToken/";

    private final double share;
    private final List<Kind> putKinds;
    private final boolean queriesFail;
    private final boolean tokensFail;

    /**
     * @param share of the calls concerned that meet a fault, from 0 to 1: PUTs, queries when {@link Kind#QUERY_ERROR}
     *     is listed, GenerarToken when {@link Kind#TOKEN_ERROR} is; a PUT meets one of the PUT kinds listed, equally likely
     */
    public SandboxFaults(double share, List<Kind> kinds) {
        this.share = share;
        this.putKinds = kinds.stream().filter(kind -> kind != Kind.QUERY_ERROR && kind != Kind.TOKEN_ERROR).toList();
        this.queriesFail = kinds.contains(Kind.QUERY_ERROR);
        this.tokensFail = kinds.contains(Kind.TOKEN_ERROR);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String uri = request.getRequestURI();
        boolean put = "PUT".equals(request.getMethod()) && !putKinds.isEmpty();
        boolean get = "GET".equals(request.getMethod());
        boolean token = get && uri.startsWith(GENERAR_TOKEN);
        boolean query = get && !token && queriesFail;
        if (!(put || query || (token && tokensFail)) || !uri.startsWith(API) || random.nextDouble() >= share) {
            chain.doFilter(req, res);
            return;
        }
        if (get) {
            fail(request, response, token ? Kind.TOKEN_ERROR : Kind.QUERY_ERROR);
            return;
        }
        Kind kind = putKinds.get(random.nextInt(putKinds.size()));
        if (kind == Kind.NOT_WRITTEN) {
            fail(request, response, kind);
            return;
        }
        HeldAnswer held = new HeldAnswer(response);
        chain.doFilter(req, held);
        if (held.getStatus() != HttpServletResponse.SC_OK) {
            held.release();   // a refusal wrote nothing: it is answered as it is
        } else if (kind == Kind.WRITTEN_ERROR) {
            fail(request, response, kind);
        } else {
            LOG.info("Sandbox fault {}: PUT {} was committed and its connection closed with no answer", kind.setting(),
                    PathMasking.mask(request.getRequestURI()));
            NoAnswer.mark(request);
            response.sendError(-1, "sandbox fault");   // Jetty: abort the connection, nothing sent
        }
    }

    private static void fail(HttpServletRequest request, HttpServletResponse response, Kind kind) throws IOException {
        LOG.info("Sandbox fault {}: {} {} answered 500 \"{}\"", kind.setting(), request.getMethod(),
                PathMasking.mask(request.getRequestURI()), MINISTRY_ERROR);
        response.setHeader(HEADER, kind.setting());
        FilterAnswers.message(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, MINISTRY_ERROR);
    }
}
