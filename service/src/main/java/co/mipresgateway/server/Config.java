package co.mipresgateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The gateway's settings: packaged defaults, then a properties file, then environment variables
 * ({@code mipres.db.url} is {@code MIPRES_DB_URL}), then system properties. Later sources win.
 */
public final class Config {

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = values;
    }

    public static Config load() {
        return load(System.getenv(), System.getProperties());
    }

    /**
     * The settings from every source. A file MIPRES_CONFIG names must exist (an empty MIPRES_CONFIG reads none), and a
     * file may hold only known settings: either mistake silently left the defaults in force, an embedded database in
     * ./data among them, where production meant its PostgreSQL.
     */
    static Config load(Map<String, String> env, Properties system) {
        Map<String, String> values = new TreeMap<>();
        readInto(values, Config.class.getResourceAsStream("/mipres-gateway.properties"));
        values.putAll(fromFile(env.get("MIPRES_CONFIG"), values.keySet()));
        for (String key : Map.copyOf(values).keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) values.put(key, fromEnv);
            String fromSystem = system.getProperty(key);
            if (fromSystem != null) values.put(key, fromSystem);
        }
        return new Config(values);
    }

    /** The settings of the file MIPRES_CONFIG names (none when it is empty), else of ./mipres-gateway.properties if any. */
    private static Map<String, String> fromFile(String named, Set<String> known) {
        Map<String, String> fromFile = new TreeMap<>();
        if (named != null && named.isBlank()) return fromFile;
        Path file = Path.of(named == null ? "mipres-gateway.properties" : named.strip());
        if (!Files.isRegularFile(file)) {
            if (named == null) return fromFile;
            throw new IllegalArgumentException("MIPRES_CONFIG = '" + named + "': no existe ese archivo"
                    + (Files.exists(file) ? " (es una carpeta)" : "") + " en " + file.toAbsolutePath().getParent()
                    + ". Indique el archivo de configuración, o deje MIPRES_CONFIG vacío para no leer ninguno.");
        }
        try {
            readInto(fromFile, Files.newInputStream(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("No se pudo leer el archivo de configuración " + file.toAbsolutePath() + " (" + e + ").");
        }
        List<String> unknown = fromFile.keySet().stream().filter(key -> !known.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("El archivo de configuración " + file.toAbsolutePath() + " trae "
                    + String.join(", ", unknown) + ", que no " + (unknown.size() == 1 ? "es una configuración" : "son"
                    + " configuraciones") + " de este servicio: corrija el nombre (la tabla Configuration del README"
                    + " los lista) o quite la línea.");
        }
        return fromFile;
    }

    /** A copy with some settings replaced: what tests and the admin command use. */
    public Config with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new Config(copy);
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static void readInto(Map<String, String> values, InputStream in) {
        if (in == null) return;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            properties.forEach((k, v) -> values.put(k.toString(), v.toString().trim()));
        } catch (IOException e) {
            throw new IllegalArgumentException("No se pudo leer la configuración (" + e + ").");
        }
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) throw new IllegalStateException("Missing setting " + key);
        return value;
    }

    /** The names of every setting known, the packaged defaults' among them. */
    Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** 0 lets the system choose a free port (the tests' way). */
    public int port() { return integer("mipres.port", 0, 65_535); }
    public String host() { return get("mipres.host"); }
    public boolean sandbox() { return !"production".equalsIgnoreCase(get("mipres.mode").trim()); }

    /**
     * Only the two modes: any other word ("produccion", "prod") was taken for the sandbox, which creates the demo parties,
     * whose primary tokens the README publishes, in what was meant to be a production database.
     */
    private void checkedMode() {
        String mode = get("mipres.mode").trim();
        if (mode.equalsIgnoreCase("sandbox") || mode.equalsIgnoreCase("production")) return;
        throw new IllegalArgumentException(named("mipres.mode") + " = '" + get("mipres.mode") + "': debe ser sandbox o"
                + " production (production empieza sin partes de demostración).");
    }

    /**
     * The embedded database's folder, made if missing. One that cannot be made or written stops the start with one
     * line naming the setting: H2 would print its own stack traces (a dozen, from its trace file and each connection).
     */
    public Path writableDataDir() {
        Path dir = Path.of(get("mipres.data.dir")).toAbsolutePath().normalize();
        String problem;
        try {
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) return dir;
            problem = "no se puede escribir en la carpeta";
        } catch (IOException | SecurityException e) {
            problem = "no se pudo crear la carpeta (" + e + ")";
        }
        throw new IllegalArgumentException(named("mipres.data.dir") + " = '" + get("mipres.data.dir") + "': " + problem
                + ". Indique una carpeta en la que el servicio pueda escribir.");
    }
    /** Empty when /metrics answers anyone. */
    public String metricsSecret() { return get("mipres.metrics.secret"); }
    public String dbUrl() { return get("mipres.db.url"); }
    public String dbUser() { return get("mipres.db.user"); }
    public String dbPassword() { return get("mipres.db.password"); }
    public String dbSchema() { return get("mipres.db.schema"); }

    /**
     * A schema name PostgreSQL reads as written: lower case letters, digits and '_', not starting with a digit, at most
     * 63 characters. Any other is folded to lower case, or quoted, differently by the migration and the connections.
     */
    private static final Pattern SCHEMA_NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    /** Empty for the embedded H2; otherwise PostgreSQL's JDBC URL, the only other database the gateway speaks. */
    private String checkedDbUrl() {
        String url = dbUrl();
        if (url.isEmpty() || url.startsWith("jdbc:postgresql:")) return url;
        throw new IllegalArgumentException(named("mipres.db.url") + " = '" + maskUrlPassword(url) + "': debe ser una URL JDBC"
                + " de PostgreSQL, jdbc:postgresql://servidor:5432/base (o vacía, para la base H2 incluida).");
    }

    private String checkedSchema() {
        String schema = dbSchema();
        if (schema.isEmpty() || SCHEMA_NAME.matcher(schema).matches()) return schema;
        throw new IllegalArgumentException(named("mipres.db.schema") + " = '" + schema + "': use solo minúsculas, dígitos"
                + " y '_', sin empezar por un dígito, hasta 63 caracteres (por ejemplo mipres_prod).");
    }
    /** At least 2: the migration holds two connections at once. */
    public int dbPoolSize() { return integer("mipres.db.pool.size", 2); }
    /** HikariCP's least; it reads zero as waiting for ever, the opposite of what the setting is for. */
    public Duration dbConnectionTimeout() { return duration("mipres.db.connection.timeout", Duration.ofMillis(250)); }
    public Duration tokenValidity() { return duration("mipres.token.validity", Duration.ofSeconds(1)); }
    public Duration sessionTrust() { return duration("mipres.token.recheck"); }
    public int lockoutAttempts() { return integer("mipres.lockout.attempts", 1); }
    public Duration lockoutWindow() { return duration("mipres.lockout.window", Duration.ofSeconds(1)); }
    public Duration lockoutDuration() { return duration("mipres.lockout.duration", Duration.ofSeconds(1)); }
    public long maxBodyBytes() { return integer("mipres.max.body.bytes", 1); }
    public int queryPageSize() { return integer("mipres.query.page.size", 1); }
    /** Jetty reads zero as no timeout at all: a connection left open by a vanished client would stay for ever. */
    public Duration httpIdleTimeout() { return duration("mipres.http.idle.timeout", Duration.ofSeconds(1)); }
    public Duration httpStopTimeout() { return duration("mipres.http.stop.timeout"); }
    public Duration httpBodyTimeout() { return duration("mipres.http.body.timeout", Duration.ofSeconds(1)); }
    public int httpMaxConnections() { return integer("mipres.http.max.connections", 1); }
    public boolean behindProxy() { return bool("mipres.http.behind.proxy"); }

    /** The share of the REST face's PUTs (and queries, if listed) that meet a fault of the ministry's (sandbox only); 0 for none. */
    public double sandboxFaults() {
        String value = get("mipres.sandbox.faults");
        double share;
        try {
            share = Double.parseDouble(value.trim());
        } catch (NumberFormatException notANumber) {
            share = -1;
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(named("mipres.sandbox.faults") + " = '" + value
                    + "': debe ser una fracción de 0 a 1 (0.1 es una de cada diez escrituras).");
        }
        refusedInProduction("mipres.sandbox.faults", share > 0,
                "las fallas simuladas son solo para el modo sandbox; en production debe ser 0.");
        return share;
    }

    /**
     * The sandbox's delay before each answer of the REST face: {@code PT2S}, or bounds to draw it between
     * ({@code PT0.5S..PT5S}); empty for none. At most a minute, and never in production.
     */
    public Optional<SandboxDelays.Bounds> sandboxDelay() {
        String value = get("mipres.sandbox.delay").trim();
        if (value.isEmpty()) return Optional.empty();
        String[] bounds = value.split("\\.\\.", -1);
        try {
            Duration least = Duration.parse(bounds[0].trim());
            Duration most = bounds.length == 2 ? Duration.parse(bounds[1].trim()) : least;
            boolean valid = bounds.length <= 2 && !least.isNegative() && most.compareTo(least) >= 0
                    && most.compareTo(Duration.ofMinutes(1)) <= 0;
            refusedInProduction("mipres.sandbox.delay", valid,
                    "la demora simulada es solo para el modo sandbox; en production debe ir vacía.");
            if (valid) return Optional.of(new SandboxDelays.Bounds(least, most));
        } catch (java.time.format.DateTimeParseException notADuration) {
            // told below
        }
        throw new IllegalArgumentException(named("mipres.sandbox.delay") + " = '" + value + "': una duración ISO-8601"
                + " (PT2S) o dos, de menor a mayor, separadas por '..' (PT0.5S..PT5S); a lo sumo PT1M.");
    }

    /** Sandbox only: a new session token ends the NIT's earlier ones, as one report says the ministry's does. */
    public boolean sandboxOneSession() {
        boolean on = bool("mipres.sandbox.one.session");
        refusedInProduction("mipres.sandbox.one.session", on, "es solo para el modo sandbox; en production debe ser false.");
        return on;
    }

    /** A sandbox rehearsal set on in production stops the start, named as the operator wrote it. */
    private void refusedInProduction(String key, boolean on, String rule) {
        if (on && !sandbox()) throw new IllegalArgumentException(named(key) + " = '" + get(key).trim() + "': " + rule);
    }

    public List<SandboxFaults.Kind> sandboxFaultKinds() {
        String value = get("mipres.sandbox.faults.kinds");
        try {
            List<SandboxFaults.Kind> kinds = SandboxFaults.Kind.listed(value);
            if (!kinds.isEmpty()) return kinds;
        } catch (IllegalArgumentException unknown) {
            // told below
        }
        throw new IllegalArgumentException(named("mipres.sandbox.faults.kinds") + " = '" + value + "': una lista separada"
                + " por comas de not-written, written-error, written-no-answer, query-error y token-error.");
    }

    /**
     * Reads every typed setting once, so that a mistaken one stops the start at once, named as the operator wrote
     * it (the environment variable and the property), instead of failing later, or as Java's bare "For input
     * string".
     */
    public Config validated() {
        port();
        dbPoolSize();
        dbConnectionTimeout();
        tokenValidity();
        sessionTrust();
        lockoutAttempts();
        lockoutWindow();
        lockoutDuration();
        maxBodyBytes();
        queryPageSize();
        httpIdleTimeout();
        httpStopTimeout();
        httpBodyTimeout();
        httpMaxConnections();
        behindProxy();
        checkedMode();
        sandboxFaults();
        sandboxFaultKinds();
        sandboxDelay();
        sandboxOneSession();
        checkedDbUrl();
        checkedSchema();
        return this;
    }

    private int integer(String key, int least) {
        return integer(key, least, Integer.MAX_VALUE);
    }

    private int integer(String key, int least, int most) {
        String value = get(key);
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= least && number <= most) return number;
        } catch (NumberFormatException notANumber) {
            // told below
        }
        String range = most < Integer.MAX_VALUE ? " de " + least + " a " + most : least > 0 ? " de al menos " + least : "";
        throw new IllegalArgumentException(named(key) + " = '" + value + "': debe ser un número entero" + range + ".");
    }

    private Duration duration(String key) {
        return duration(key, Duration.ZERO);
    }

    private Duration duration(String key, Duration least) {
        String value = get(key);
        try {
            Duration duration = Duration.parse(value.trim());
            if (duration.compareTo(least) >= 0) return duration;
        } catch (java.time.format.DateTimeParseException notADuration) {
            // told below
        }
        throw new IllegalArgumentException(named(key) + " = '" + value + "': debe ser una duración ISO-8601"
                + (least.isZero() ? "" : " de al menos " + least) + " (PT30S, PT15M, PT24H).");
    }

    private boolean bool(String key) {
        String value = get(key).trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return Boolean.parseBoolean(value);
        throw new IllegalArgumentException(named(key) + " = '" + value + "': debe ser true o false.");
    }

    private static String named(String key) {
        return envName(key) + " (" + key + ")";
    }

    /** MIPRES_ variables read elsewhere: by this class's load, LogSetup, the client, the tests. */
    private static final Set<String> OTHERS_VARIABLES = Set.of("MIPRES_CONFIG", "MIPRES_LOG_REQUESTS",
            "MIPRES_NIT", "MIPRES_TOKEN", "MIPRES_URL", "MIPRES_REQUIRE_POSTGRES", "MIPRES_TEST_POSTGRES_URL",
            "MIPRES_TEST_POSTGRES_USER");

    /**
     * The environment's MIPRES_ variables that name no setting (MIPRES_DB_ULR): warned of at start rather than refused,
     * as the same environment may hold other programs' variables, but never left unsaid.
     */
    List<String> unknownVariables(Map<String, String> env) {
        Set<String> known = new HashSet<>(OTHERS_VARIABLES);
        values.keySet().forEach(key -> known.add(envName(key)));
        return env.keySet().stream().filter(name -> name.startsWith("MIPRES_") && !known.contains(name)).sorted().toList();
    }

    /** Every setting, one per line, with passwords masked: printed at start. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> {
            boolean secret = key.contains("password") || key.contains("secret");
            String shown = secret && !value.isEmpty() ? "****" : value;
            if (key.equals("mipres.db.url")) shown = maskUrlPassword(value);
            text.append("  ").append(key).append(" = ").append(shown).append('\n');
        });
        return text.toString();
    }

    static String maskUrlPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
