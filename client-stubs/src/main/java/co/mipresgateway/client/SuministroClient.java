package co.mipresgateway.client;

import co.mipresgateway.client.contract.Direccionamiento;
import co.mipresgateway.client.contract.DireccionamientoCreado;
import co.mipresgateway.client.contract.DireccionamientoRegistro;
import co.mipresgateway.client.contract.Entrega;
import co.mipresgateway.client.contract.EntregaAmbito;
import co.mipresgateway.client.contract.EntregaCodigos;
import co.mipresgateway.client.contract.EntregaCreada;
import co.mipresgateway.client.contract.EntregaRegistro;
import co.mipresgateway.client.contract.NODireccionamiento;
import co.mipresgateway.client.contract.NODireccionamientoCreado;
import co.mipresgateway.client.contract.NODireccionamientoRegistro;
import co.mipresgateway.client.contract.Programacion;
import co.mipresgateway.client.contract.ProgramacionCreada;
import co.mipresgateway.client.contract.ProgramacionRegistro;
import co.mipresgateway.client.contract.ReporteEntrega;
import co.mipresgateway.client.contract.ReporteEntregaCreado;
import co.mipresgateway.client.contract.ReporteEntregaRegistro;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The MIPRES Suministro transactions over REST, one method per transaction, for one party (NIT and primary
 * token). Works against this gateway or the ministry's own service: only the base URL changes. The session
 * token is generated on first use, cached until it is due, and renewed once (and the call retried) when the
 * service refuses it. Failures are typed: {@link MipresValidationException} (422, with every error),
 * {@link MipresException} (any other refusal), {@link MipresTransportException} (no answer). Thread-safe.
 */
public final class SuministroClient {

    private final RestCalls calls;
    private final String nit;
    private final String primaryToken;
    private final SessionTokens sessions;
    private final DayByDay dayByDay;
    private final ExactlyOnce exactlyOnce;
    /** Steps whose last try gave up without a final answer: the next try looks them up before it sends. */
    private final Set<String> owedLookups = ConcurrentHashMap.newKeySet();

    private SuministroClient(Builder b) {
        this.calls = new RestCalls(b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build(),
                apiBase(b.baseUrl), b.requestTimeout);
        this.nit = b.nit;
        this.primaryToken = b.primaryToken;
        this.sessions = b.sessions != null ? b.sessions : new SessionTokens(b.sessionTokenLifetime, Clock.systemUTC());
        this.dayByDay = new DayByDay(b.daysAtOnce, b.dayRetry);
        this.exactlyOnce = new ExactlyOnce(b.putRetry);
    }

    /** A client of {@code baseUrl}: the host ({@code http://localhost:8080}) or the API base itself (ending in {@code /api}). */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public static final class Builder {
        private final String baseUrl;
        private String nit;
        private String primaryToken;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration sessionTokenLifetime = Duration.ofHours(20);
        private SessionTokens sessions;
        private HttpClient http;
        private int daysAtOnce = 4;
        private RetryPolicy dayRetry = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(15));
        private RetryPolicy putRetry = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(15));

        private Builder(String baseUrl) {
            apiBase(baseUrl);
            this.baseUrl = baseUrl;
        }

        /** The party's NIT (digits only) and the primary token the ministry (or the gateway's operator) gave it. */
        public Builder credentials(String nit, String primaryToken) {
            this.nit = Arguments.given(nit, "nit");
            this.primaryToken = Arguments.given(primaryToken, "primaryToken");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Arguments.positive(timeout, "connectTimeout");
            return this;
        }

        /** How long one request may take before it fails with a {@link MipresTransportException}. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Arguments.positive(timeout, "requestTimeout");
            return this;
        }

        /** How long a session token is reused before a new one is generated (the ministry's last 24 h). */
        public Builder sessionTokenLifetime(Duration lifetime) {
            this.sessionTokenLifetime = Arguments.positive(lifetime, "sessionTokenLifetime");
            return this;
        }

        /** Share one token cache between clients (several clients of the same NIT then share its token). */
        public Builder sessionTokens(SessionTokens sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
            return this;
        }

        /** Share one HttpClient (and its connections) between clients; its connect timeout then applies. */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** How many days {@link SuministroClient#xFechaBetween} asks at once (4). */
        public Builder daysAtOnce(int days) {
            if (days < 1) throw new IllegalArgumentException("at least one day at a time");
            this.daysAtOnce = days;
            return this;
        }

        /** How {@link SuministroClient#xFechaBetween} asks a day again that the service could not answer. */
        public Builder dayRetry(RetryPolicy retry) {
            this.dayRetry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** How the {@code ...ExactlyOnce} methods try a PUT again that got no final answer (5 attempts). */
        public Builder putRetry(RetryPolicy retry) {
            this.putRetry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public SuministroClient build() {
            if (nit == null) throw new IllegalStateException("credentials(nit, primaryToken) is required");
            return new SuministroClient(this);
        }
    }

    /**
     * The API base of a service's address: the host ({@code http://localhost:8080}), the path before the API or the
     * API base itself. The ministry's paths are matched without regard to case, so the address may be written in any.
     *
     * @throws IllegalArgumentException not an {@code http://} or {@code https://} address with its host
     */
    public static URI apiBase(String baseUrl) {
        String base = serviceAddress(baseUrl);
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/wssummipresnopbs")) {
            base = base + "/api";
        } else if (!lower.endsWith("/api")) {
            base = base + "/WSSUMMIPRESNOPBS/api";
        }
        return URI.create(base + "/");
    }

    /**
     * {@code baseUrl} stripped, once it is known to be an http(s) address with its host: the HTTP client's own
     * refusal ("URI with undefined scheme") came only at the first call.
     */
    static String serviceAddress(String baseUrl) {
        String url = Objects.requireNonNull(baseUrl, "baseUrl").strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return url;
        } catch (URISyntaxException notAUri) {
            // told below
        }
        throw new IllegalArgumentException("'" + baseUrl + "' is not an http:// or https:// address with its host,"
                + " such as http://localhost:8080 or https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api");
    }

    public String nit() {
        return nit;
    }

    // ---------- 1: GenerarToken ----------

    /** A new session token for this client's NIT (it is also what the other methods use from then on). */
    public String generarToken() {
        String token = requestToken();
        sessions.forget(nit);
        return sessions.current(nit, () -> token);
    }

    private String requestToken() {
        return calls.get(calls.string(), "GenerarToken", nit, primaryToken);
    }

    // ---------- 2: Direccionamiento (EPS) ----------

    public DireccionamientoCreado direccionamiento(Direccionamiento body) {
        return first(create(DireccionamientoCreado.class, body, "Direccionamiento"));
    }

    public DireccionamientoCreado anularDireccionamiento(long idDireccionamiento) {
        return first(put(DireccionamientoCreado.class, null, "AnularDireccionamiento", String.valueOf(idDireccionamiento)));
    }

    public List<DireccionamientoRegistro> direccionamientoXFecha(LocalDate fecha) {
        return list(DireccionamientoRegistro.class, "DireccionamientoXFecha", fecha.toString());
    }

    public List<DireccionamientoRegistro> direccionamientoXPrescripcion(String noPrescripcion) {
        return list(DireccionamientoRegistro.class, "DireccionamientoXPrescripcion", noPrescripcion);
    }

    public List<DireccionamientoRegistro> direccionamientoXPacienteFecha(LocalDate fecha, String tipoDoc, String numDoc) {
        return listXPacienteFecha(DireccionamientoRegistro.class, "DireccionamientoXPacienteFecha", fecha, tipoDoc, numDoc);
    }

    // ---------- 3: NODireccionamiento (EPS) ----------

    public NODireccionamientoCreado noDireccionamiento(NODireccionamiento body) {
        return first(create(NODireccionamientoCreado.class, body, "NODireccionamiento"));
    }

    public NODireccionamientoCreado anularNODireccionamiento(long idNODireccionamiento) {
        return first(put(NODireccionamientoCreado.class, null, "AnularNODireccionamiento", String.valueOf(idNODireccionamiento)));
    }

    public List<NODireccionamientoRegistro> noDireccionamientoXFecha(LocalDate fecha) {
        return list(NODireccionamientoRegistro.class, "NODireccionamientoXFecha", fecha.toString());
    }

    public List<NODireccionamientoRegistro> noDireccionamientoXPrescripcion(String noPrescripcion) {
        return list(NODireccionamientoRegistro.class, "NODireccionamientoXPrescripcion", noPrescripcion);
    }

    public List<NODireccionamientoRegistro> noDireccionamientoXPacienteFecha(LocalDate fecha, String tipoDoc, String numDoc) {
        return listXPacienteFecha(NODireccionamientoRegistro.class, "NODireccionamientoXPacienteFecha", fecha, tipoDoc, numDoc);
    }

    // ---------- 4: Programacion (provider) ----------

    public ProgramacionCreada programacion(Programacion body) {
        return first(create(ProgramacionCreada.class, body, "Programacion"));
    }

    public ProgramacionCreada anularProgramacion(long idProgramacion) {
        return first(put(ProgramacionCreada.class, null, "AnularProgramacion", String.valueOf(idProgramacion)));
    }

    public List<ProgramacionRegistro> programacionXFecha(LocalDate fecha) {
        return list(ProgramacionRegistro.class, "ProgramacionXFecha", fecha.toString());
    }

    public List<ProgramacionRegistro> programacionXPrescripcion(String noPrescripcion) {
        return list(ProgramacionRegistro.class, "ProgramacionXPrescripcion", noPrescripcion);
    }

    public List<ProgramacionRegistro> programacionXPacienteFecha(LocalDate fecha, String tipoDoc, String numDoc) {
        return listXPacienteFecha(ProgramacionRegistro.class, "ProgramacionXPacienteFecha", fecha, tipoDoc, numDoc);
    }

    // ---------- 5: Entrega (provider) ----------

    public EntregaCreada entrega(Entrega body) {
        return first(create(EntregaCreada.class, body, "Entrega"));
    }

    public EntregaCreada entregaAmbito(EntregaAmbito body) {
        return first(create(EntregaCreada.class, body, "EntregaAmbito"));
    }

    public EntregaCreada entregaCodigos(EntregaCodigos body) {
        return first(create(EntregaCreada.class, body, "EntregaCodigos"));
    }

    public EntregaCreada anularEntrega(long idEntrega) {
        return first(put(EntregaCreada.class, null, "AnularEntrega", String.valueOf(idEntrega)));
    }

    public List<EntregaRegistro> entregaXFecha(LocalDate fecha) {
        return list(EntregaRegistro.class, "EntregaXFecha", fecha.toString());
    }

    public List<EntregaRegistro> entregaXPrescripcion(String noPrescripcion) {
        return list(EntregaRegistro.class, "EntregaXPrescripcion", noPrescripcion);
    }

    public List<EntregaRegistro> entregaXPacienteFecha(LocalDate fecha, String tipoDoc, String numDoc) {
        return listXPacienteFecha(EntregaRegistro.class, "EntregaXPacienteFecha", fecha, tipoDoc, numDoc);
    }

    // ---------- 6: ReporteEntrega (provider) ----------

    public ReporteEntregaCreado reporteEntrega(ReporteEntrega body) {
        return first(create(ReporteEntregaCreado.class, body, "ReporteEntrega"));
    }

    public ReporteEntregaCreado anularReporteEntrega(long idReporteEntrega) {
        return first(put(ReporteEntregaCreado.class, null, "AnularReporteEntrega", String.valueOf(idReporteEntrega)));
    }

    public List<ReporteEntregaRegistro> reporteEntregaXFecha(LocalDate fecha) {
        return list(ReporteEntregaRegistro.class, "ReporteEntregaXFecha", fecha.toString());
    }

    public List<ReporteEntregaRegistro> reporteEntregaXPrescripcion(String noPrescripcion) {
        return list(ReporteEntregaRegistro.class, "ReporteEntregaXPrescripcion", noPrescripcion);
    }

    public List<ReporteEntregaRegistro> reporteEntregaXPacienteFecha(LocalDate fecha, String tipoDoc, String numDoc) {
        return listXPacienteFecha(ReporteEntregaRegistro.class, "ReporteEntregaXPacienteFecha", fecha, tipoDoc, numDoc);
    }

    // ---------- a range of days ----------

    /**
     * Every record of an XFecha query from {@code desde} through {@code hasta}, both included, in day order:
     * {@code client.xFechaBetween(junio1, junio30, client::reporteEntregaXFecha)}. The ministry's queries take one
     * day; this asks the days {@code daysAtOnce} at a time and asks a day again that the service could not answer
     * (5xx, 408, no answer), waiting at least what a 503's Retry-After asks. A day that still fails ends the query
     * with a {@link MipresDayQueryException} naming it; a refusal (401, 403, 422...) is not asked again. At most
     * a year (366 days) per call.
     */
    public <R> List<R> xFechaBetween(LocalDate desde, LocalDate hasta, Function<LocalDate, List<R>> xFecha) {
        return dayByDay.collect(Objects.requireNonNull(desde, "desde"), Objects.requireNonNull(hasta, "hasta"),
                Objects.requireNonNull(xFecha, "xFecha"));
    }

    /**
     * Why {@link #xFechaBetween} would refuse the range (it ends before it begins, or is longer than a year), in Spanish,
     * or null: for a caller to say so before it connects.
     */
    public static String rangeProblem(LocalDate desde, LocalDate hasta) {
        return DayByDay.rangeProblem(desde, hasta);
    }

    /**
     * One query asked as {@link #xFechaBetween} asks a day: again while the service could not answer (5xx, 408, no
     * answer), as the builder's {@code dayRetry} says; a refusal is not asked again. A query changes nothing, so
     * asking it twice is safe: {@code client.queryRetried(() -> client.entregaXPrescripcion(noPrescripcion))}.
     */
    public <T> T queryRetried(Supplier<T> query) {
        Objects.requireNonNull(query, "query");
        try {
            return dayByDay.retried(query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MipresTransportException("interrumpido mientras esperaba para consultar de nuevo", e, false);
        }
    }

    // ---------- exactly once ----------

    /**
     * The programación, recorded exactly once although answers get lost ({@link ExactlyOnce}): a request that may
     * have been recorded without an answer is looked up ({@code ProgramacionXPrescripcion/noPrescripcion}) before
     * it is sent again, and a "ya existe" answers the programación that exists. A programación found rather than
     * created is compared with the body ({@link SentAgainstRecorded}): one with other values was recorded by someone
     * else, and is not answered as the caller's. {@code noPrescripcion} is the chain's prescription, which the body
     * does not carry.
     *
     * @throws MipresRecordedOtherwiseException the ID's programación exists with other values (each named); the
     *     body was not recorded
     * @throws MipresOutcomeUnknownException no final answer within the attempts: call again later, this client then
     *     looks it up first
     */
    public ProgramacionCreada programacionExactlyOnce(Programacion body, String noPrescripcion) {
        long id = chainId(Objects.requireNonNull(body, "body").getID(), noPrescripcion);
        ProgramacionCreada created = new ProgramacionCreada();
        created.setId(id);
        created.setIdProgramacion(exactlyOnce(new Step<>("una programación activa", "IdProgramacion", id, body,
                () -> programacion(body).getIdProgramacion(),
                () -> programacionXPrescripcion(noPrescripcion).stream().filter(r -> r.getID() == id && r.getEstProgramacion() != 0).findFirst(),
                ProgramacionRegistro::getIDProgramacion)));
        return created;
    }

    /** The entrega, recorded exactly once: as {@link #programacionExactlyOnce}. */
    public EntregaCreada entregaExactlyOnce(Entrega body, String noPrescripcion) {
        long id = chainId(Objects.requireNonNull(body, "body").getID(), noPrescripcion);
        EntregaCreada created = new EntregaCreada();
        created.setId(id);
        created.setIdEntrega(exactlyOnce(new Step<>("una entrega activa", "IdEntrega", id, body,
                () -> entrega(body).getIdEntrega(),
                () -> entregaXPrescripcion(noPrescripcion).stream().filter(r -> r.getID() == id && r.getEstEntrega() != 0).findFirst(),
                EntregaRegistro::getIDEntrega)));
        return created;
    }

    /** The reporte de entrega, recorded exactly once: as {@link #programacionExactlyOnce}; the body names its chain {@code ID}. */
    public ReporteEntregaCreado reporteEntregaExactlyOnce(ReporteEntrega body, String noPrescripcion) {
        long id = chainId(Objects.requireNonNull(body, "body").getID(), noPrescripcion);
        ReporteEntregaCreado created = new ReporteEntregaCreado();
        created.setId(id);
        created.setIdReporteEntrega(exactlyOnce(new Step<>("un reporte de entrega activo", "IdReporteEntrega", id, body,
                () -> reporteEntrega(body).getIdReporteEntrega(),
                () -> reporteEntregaXPrescripcion(noPrescripcion).stream().filter(r -> r.getID() == id && r.getEstRepEntrega() != 0).findFirst(),
                ReporteEntregaRegistro::getIDReporteEntrega)));
        return created;
    }

    /**
     * What a lost answer is looked up by, checked before anything is sent: the step is found by its chain ID (a
     * reporte by IDEntrega alone cannot be found) in its prescription's query. A prescription missing would
     * otherwise surface only after a lost answer, with the step perhaps recorded.
     */
    private static long chainId(Long id, String noPrescripcion) {
        if (id == null) throw new IllegalArgumentException("the body's ID (the chain's) is required to record it exactly once");
        Arguments.given(noPrescripcion, "noPrescripcion");
        return id;
    }

    /** One step of one chain ID as the {@code ...ExactlyOnce} calls send it, find it, and name it. */
    private record Step<R>(String named, String idName, long id, Object body, LongSupplier send,
                           Supplier<Optional<R>> live, ToLongFunction<R> idOf) {
    }

    private <R> long exactlyOnce(Step<R> step) {
        String key = step.idName() + "/" + step.id();
        AtomicReference<R> found = new AtomicReference<>();
        ExactlyOnce.Step attempt = new ExactlyOnce.Step() {
            @Override
            public long send() {
                found.set(null);
                return step.send().getAsLong();
            }

            @Override
            public Optional<Long> lookUp() {
                Optional<R> record = step.live().get();
                found.set(record.orElse(null));
                return record.map(step.idOf()::applyAsLong);
            }
        };
        long recorded;
        try {
            recorded = exactlyOnce.record(attempt, owedLookups.contains(key), () -> { });
            owedLookups.remove(key);
        } catch (MipresOutcomeUnknownException unknown) {
            owedLookups.add(key);
            throw unknown;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            owedLookups.add(key);
            throw new MipresOutcomeUnknownException("interrumpido antes de una respuesta definitiva", e);
        } catch (MipresException finalAnswer) {
            owedLookups.remove(key);
            throw finalAnswer;
        }
        if (found.get() != null) {
            // Found, not created now: an earlier try of ours, or a record someone else made ("ya existe") that may
            // hold other values, which must not pass for the caller's.
            List<String> differences = SentAgainstRecorded.differences(step.body(), found.get(), "se envió");
            if (!differences.isEmpty()) {
                throw new MipresRecordedOtherwiseException(step.named(), step.idName(), step.id(), recorded, differences);
            }
        }
        return recorded;
    }

    // ---------- plumbing ----------

    /** A PUT that records a step: without a body it would only be refused by the service, after the session was opened. */
    private <T> List<T> create(Class<T> answer, Object body, String transaction) {
        return put(answer, Objects.requireNonNull(body, "body"), transaction);
    }

    /** {@code PUT Transaction/{nit}/{token}/afterToken...}, answering a list of one. */
    private <T> List<T> put(Class<T> answer, Object body, String transaction, String... afterToken) {
        return withSession(token -> calls.put(calls.listOf(answer), body, transaction, join(nit, token, afterToken)));
    }

    private <T> List<T> list(Class<T> record, String transaction, String argument) {
        Objects.requireNonNull(argument, () -> transaction + "'s argument");
        return withSession(token -> calls.get(calls.listOf(record), transaction, nit, token, argument));
    }

    private <T> List<T> listXPacienteFecha(Class<T> record, String transaction, LocalDate fecha, String tipoDoc, String numDoc) {
        Objects.requireNonNull(fecha, "fecha");
        Objects.requireNonNull(tipoDoc, "tipoDoc");
        Objects.requireNonNull(numDoc, "numDoc");
        // The ministry's order: {nit}/{fecha}/{token}/{tipodoc}/{numdoc}.
        return withSession(token -> calls.get(calls.listOf(record), transaction, nit, fecha.toString(), token, tipoDoc, numDoc));
    }

    private static String[] join(String nit, String token, String[] afterToken) {
        String[] segments = new String[afterToken.length + 2];
        segments[0] = nit;
        segments[1] = token;
        System.arraycopy(afterToken, 0, segments, 2, afterToken.length);
        return segments;
    }

    private interface SessionCall<T> {
        T call(String sessionToken);
    }

    /** The call with the NIT's session token, renewed when refused as {@link SessionRenewals} says. */
    private <T> T withSession(SessionCall<T> call) {
        String token = sessions.current(nit, this::requestToken);
        for (int renewals = 0; ; renewals++) {
            try {
                return call.call(token);
            } catch (MipresException refused) {
                if (!isSessionRefusal(refused) || renewals == SessionRenewals.MOST) throw refused;
                boolean young = sessions.isCurrentAndYoungerThan(nit, token, SessionRenewals.YOUNG);
                if (!SessionRenewals.waitBeforeRenewing(young, renewals)) throw refused;
                token = sessions.renew(nit, token, this::requestToken);
            }
        }
    }

    /** 401 (unknown token) or the ministry's 400 "EL TOKEN EXPIRÓ". */
    static boolean isSessionRefusal(MipresException e) {
        if (e instanceof MipresValidationException) return false;
        return e.status() == 401 || (e.status() == 400 && e.getMessage() != null
                && e.getMessage().toUpperCase(Locale.ROOT).contains("TOKEN EXPIR"));
    }

    private static <T> T first(List<T> answer) {
        if (answer == null || answer.isEmpty()) throw new MipresException(200, "the service answered an empty list");
        return answer.get(0);
    }
}
