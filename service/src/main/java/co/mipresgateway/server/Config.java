package co.mipresgateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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

    static Config load(Map<String, String> env, Properties system) {
        Map<String, String> values = new TreeMap<>();
        readInto(values, Config.class.getResourceAsStream("/mipres-gateway.properties"));
        Path file = Path.of(env.getOrDefault("MIPRES_CONFIG", "mipres-gateway.properties"));
        if (Files.isRegularFile(file)) {
            try {
                readInto(values, Files.newInputStream(file));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read configuration file " + file, e);
            }
        }
        for (String key : Map.copyOf(values).keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) values.put(key, fromEnv);
            String fromSystem = system.getProperty(key);
            if (fromSystem != null) values.put(key, fromSystem);
        }
        return new Config(values);
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
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            properties.forEach((k, v) -> values.put(k.toString(), v.toString().trim()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read configuration", e);
        }
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) throw new IllegalStateException("Missing setting " + key);
        return value;
    }

    public int port() { return Integer.parseInt(get("mipres.port")); }
    public String host() { return get("mipres.host"); }
    public boolean sandbox() { return !"production".equalsIgnoreCase(get("mipres.mode")); }
    public Path dataDir() { return Path.of(get("mipres.data.dir")); }
    public String dbUrl() { return get("mipres.db.url"); }
    public String dbUser() { return get("mipres.db.user"); }
    public String dbPassword() { return get("mipres.db.password"); }
    public String dbSchema() { return get("mipres.db.schema"); }
    public int dbPoolSize() { return Integer.parseInt(get("mipres.db.pool.size")); }
    public Duration dbConnectionTimeout() { return Duration.parse(get("mipres.db.connection.timeout")); }
    public Duration tokenValidity() { return Duration.parse(get("mipres.token.validity")); }
    public Duration sessionTrust() { return Duration.parse(get("mipres.token.recheck")); }
    public int lockoutAttempts() { return Integer.parseInt(get("mipres.lockout.attempts")); }
    public Duration lockoutWindow() { return Duration.parse(get("mipres.lockout.window")); }
    public Duration lockoutDuration() { return Duration.parse(get("mipres.lockout.duration")); }
    public long maxBodyBytes() { return Long.parseLong(get("mipres.max.body.bytes")); }
    public int queryPageSize() { return Integer.parseInt(get("mipres.query.page.size")); }
    public Duration httpIdleTimeout() { return Duration.parse(get("mipres.http.idle.timeout")); }
    public Duration httpStopTimeout() { return Duration.parse(get("mipres.http.stop.timeout")); }

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
