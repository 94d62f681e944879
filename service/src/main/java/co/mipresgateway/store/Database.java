package co.mipresgateway.store;

import co.mipresgateway.server.Config;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The pooled DataSource, migrated by Flyway, and the one way the gateway writes: a transaction per request.
 * H2 in a file by default; PostgreSQL when a JDBC URL is configured. The same migrations serve both, as H2
 * runs in PostgreSQL mode.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private final String schema;
    /** H2 only (PostgreSQL groups its own commits): null when a commit is durable when it returns. */
    private final GroupCommit groupCommit;
    /** H2 only: null when a failed write leaves nothing to keep the connections away from. */
    private final StorageGate gate;

    private Database(HikariDataSource dataSource, boolean postgres, String schema, GroupCommit groupCommit, StorageGate gate) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.schema = schema;
        this.groupCommit = groupCommit;
        this.gate = gate;
        this.jdbi = Jdbi.create(dataSource);
        // A failed statement's exception names the statement but not its values: the exception ends up in the log,
        // and the values are patients' documents and the hashes of session tokens.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutValues);
    }

    private static String withoutValues(StatementException error) {
        StatementContext context = error.getStatementContext();
        return context == null || context.getRenderedSql() == null ? error.getShortMessage()
                : error.getShortMessage() + " [statement: " + context.getRenderedSql() + "]";
    }

    /** The embedded database's name in MIPRES_DATA_DIR; H2 adds ".mv.db" to make its file's. */
    private static final String EMBEDDED_NAME = "mipres-gateway";

    /** The embedded database's file. */
    public static Path embeddedFile(Config config) {
        return config.writableDataDir().resolve(EMBEDDED_NAME + ".mv.db");
    }

    /** Connects and migrates: what an operator command needs. */
    public static Database open(Config config) {
        Database database = connect(config);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            IllegalArgumentException damaged = damagedFile(config, e);
            throw damaged != null ? damaged : e;
        }
        return database;
    }

    /**
     * A damaged embedded file, as an operator should read it (one line naming the file and what to do, instead of the
     * migration's account of a refused connection); null when the failure is anything else.
     */
    public static IllegalArgumentException damagedFile(Config config, Throwable failure) {
        if (!config.dbUrl().isBlank() || !StorageFailure.damagedFile(failure)) return null;
        return new IllegalArgumentException("El archivo de la base de datos " + embeddedFile(config) + " está dañado o lo"
                + " escribió una versión de H2 que esta no lee (" + Causes.root(failure).getMessage() + "): restáurelo de una copia, o"
                + " muévalo a otra parte para empezar con una base vacía.", failure);
    }

    /** How long a transaction waits for a row another one holds, on either database. */
    static final int LOCK_TIMEOUT_MS = 2000;

    /** Connects without migrating, so that a server can migrate while it builds its web faces. */
    public static Database connect(Config config) {
        return connect(config, null);
    }

    /** As {@link #connect(Config)}, the pool reporting its connections (in use, idle, waited for) to {@code meters}. */
    public static Database connect(Config config, MeterRegistry meters) {
        String url = config.dbUrl();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        // The pool opens its first connection at the first use (the migration, which a server runs on a thread of
        // its own while it builds its web faces), not here; a database that cannot be reached fails that use at once.
        HikariDataSource dataSource = new HikariDataSource();
        if (meters != null) dataSource.setMetricRegistry(meters);
        boolean embedded = url.isBlank();
        if (embedded) {
            Path file = config.writableDataDir().resolve(EMBEDDED_NAME);
            // Commits are written to the file and forced to the disk by GroupCommit before they are acknowledged;
            // H2's own writer (every WRITE_DELAY ms) only picks up what nothing waits for.
            // H2's own housekeeping is off (AUTO_COMPACT_FILL_RATE=0): ChunkRewriting does it in small steps.
            // RETENTION_TIME: H2 keeps a chunk's space from reuse for this long after the chunk was written, in case
            // the disk had not yet flushed it; its default, 45 s, assumes nobody forces the file. GroupCommit forces
            // every chunk within milliseconds, so 5 s is still ample, and the file under nonstop writes stays a
            // fraction of the size (it is about the bytes written in one retention time). See bench/README.md.
            url = embeddedUrl("file:" + file);
        }
        StorageGate gate = embedded ? new StorageGate(dataSource) : null;
        if (embedded) {
            dataSource.setDataSource(new GatedH2Connections(url, config.dbUser(), config.dbPassword(), gate));
        } else {
            dataSource.setJdbcUrl(url);
            if (!config.dbUser().isBlank()) dataSource.setUsername(config.dbUser());
            if (!config.dbPassword().isBlank()) dataSource.setPassword(config.dbPassword());
        }
        String schema = config.dbSchema();
        if (!schema.isBlank() && postgres) {
            // Set as the connection opens, whether or not the schema exists yet: the migration creates it, once, under
            // the start lock. A CREATE SCHEMA IF NOT EXISTS per connection raced between instances starting together
            // (a unique violation in pg_namespace) and needed the CREATE privilege on the database for every
            // connection, which a production user owning only its schema does not have.
            dataSource.addDataSourceProperty("currentSchema", schema);
        } else if (!schema.isBlank()) {
            dataSource.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS " + schema + "; SET SCHEMA " + schema);
        }
        dataSource.setMaximumPoolSize(config.dbPoolSize());
        // How long a request waits for a connection: HikariCP's 30 s left every call, and the health check, hanging
        // that long while PostgreSQL was down. A transaction holds a connection for milliseconds.
        dataSource.setConnectionTimeout(config.dbConnectionTimeout().toMillis());
        dataSource.setPoolName("mipres-db");
        dataSource.setAutoCommit(true);
        // Set once per connection: asked for per transaction, Jdbi read the connection's level before and after
        // each one, a SHOW TRANSACTION ISOLATION LEVEL round trip on PostgreSQL every time (six per write).
        dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (postgres) {
            // As H2 does by default: a request that waits this long for a row gives up (a 503, nothing written)
            // instead of hanging behind a transaction left open, say an operator's psql session. An options
            // parameter in the operator's own URL replaces this one.
            // And a commit returns only once it is on the disk, whatever the server's or the role's default: with
            // synchronous_commit off, an acknowledged write could be lost in a crash.
            dataSource.addDataSourceProperty("options", "-c lock_timeout=" + LOCK_TIMEOUT_MS + " -c synchronous_commit=on");
            // PostgreSQL's own messages leave out the values too ("Key (nit)=(...)", a query's parameters).
            dataSource.addDataSourceProperty("logServerErrorDetail", "false");
            dataSource.addDataSourceProperty("prepareThreshold", "1");
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        if (embedded) dataSource.setExceptionOverride(new ClosedH2Connections(gate));
        if (postgres) dataSource.setExceptionOverride(new ReadOnlyPostgresConnections());
        GroupCommit groupCommit = embedded ? new GroupCommit(url, config.dbUser(), config.dbPassword(), gate) : null;
        return new Database(dataSource, postgres, schema, groupCommit, gate);
    }

    /** The embedded H2 database at a path of H2's ("file:/..."), with the settings the gateway runs it with. */
    static String embeddedUrl(String h2Path) {
        return "jdbc:h2:" + h2Path + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=500"
                + ";AUTO_COMPACT_FILL_RATE=0;RETENTION_TIME=5000;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS;
    }

    public void migrate() {
        oneInstanceAtATime(() -> {
            var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
            if (!schema.isBlank()) flyway.schemas(schema).defaultSchema(schema);
            flyway.load().migrate();
        });
        if (gate != null) {
            defineTheServerSideCheckpoint();
            // From here a failed write is a running service's episode, waited out; before, it fails the start.
            gate.serving();
        }
    }

    /**
     * Where this process holds the embedded file, the function through which a process reaching it through this one's
     * server has its writes forced ({@link ServerSideCheckpoint}); such a process leaves that to the holder.
     */
    private void defineTheServerSideCheckpoint() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            if (DurableCheckpoint.storeOf(connection).isPresent()) ServerSideCheckpoint.define(connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the embedded database's durable checkpoint could not be defined: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the work while no other instance on the same PostgreSQL database and schema runs work of its own under
     * this lock (a session advisory lock), so that instances started together create the schema and the sandbox's
     * demo data once. H2 is one process's: the work just runs.
     */
    public void oneInstanceAtATime(Runnable work) {
        if (!postgres) {
            work.run();
            return;
        }
        long key = START_LOCK_PREFIX << 32 | (schema.hashCode() & 0xFFFF_FFFFL);
        // A connection of its own, outside the pool: the migration needs two of the pool's at once beside it, and
        // a pool of two would wait for ever.
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(dataSource.getDataSourceProperties());
        if (dataSource.getUsername() != null) properties.setProperty("user", dataSource.getUsername());
        if (dataSource.getPassword() != null) properties.setProperty("password", dataSource.getPassword());
        try (java.sql.Connection lock = java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
                java.sql.PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_lock(?)");
                java.sql.PreparedStatement release = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            take.setLong(1, key);
            take.execute();
            try {
                work.run();
            } finally {
                release.setLong(1, key);
                release.execute();
            }
        } catch (java.sql.SQLException e) {
            // Said as the other mistaken settings are, one line without a class name: an operator's to mend, not ours.
            throw new IllegalArgumentException("No se pudo conectar con PostgreSQL al iniciar (revise MIPRES_DB_URL,"
                    + " MIPRES_DB_USER y MIPRES_DB_PASSWORD, y que el servidor esté en marcha): " + e.getMessage(), e);
        }
    }

    /** "mip" in ASCII: the high half of the start lock's key, the low half being the schema's hash. */
    private static final long START_LOCK_PREFIX = 0x6D6970L;

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
        long opening = groupCommit == null ? 0 : groupCommit.opening();
        R result;
        if (gate == null) {
            result = jdbi.inTransaction(work);
        } else {
            gate.enter();
            try {
                result = jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                throw gate.storageFailureWhileShut(e);
            } finally {
                gate.leave();
            }
        }
        // Not acknowledged until it is in the file.
        if (groupCommit != null) groupCommit.awaitWritten(opening);
        return result;
    }

    /** Reads that need no transaction of their own. */
    public <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
        if (gate == null) return jdbi.withHandle(work);
        gate.enter();
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw gate.storageFailureWhileShut(e);
        } finally {
            gate.leave();
        }
    }

    /** True when a connection answers a trivial query: what the health endpoint reports. */
    public boolean isUp() {
        if (groupCommit != null && !groupCommit.writes()) return false;   // reads may work while no write can be kept
        try {
            return read(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String describe() {
        return postgres ? "PostgreSQL" : "H2";
    }

    @Override
    public void close() {
        if (groupCommit != null) groupCommit.close();
        if (gate != null) gate.close();
        dataSource.close();
    }
}
