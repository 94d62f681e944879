package co.mipresgateway.server;

import co.mipresgateway.auth.Party;
import co.mipresgateway.auth.PartyAdmin;
import co.mipresgateway.auth.Rol;
import co.mipresgateway.store.Database;
import co.mipresgateway.store.PartyStore;
import co.mipresgateway.suministro.MipresTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code java -jar mipres-gateway.jar} starts the service; {@code ... admin ...} is the operator's command. */
@Command(name = "mipres-gateway", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = GatewayMain.Version.class,
        resourceBundle = "co.mipresgateway.server.Ayuda",
        subcommands = {GatewayMain.Serve.class, GatewayMain.Admin.class, ClassDataWarmUp.class},
        description = "Pasarela de las transacciones MIPRES Suministro. Sin comando: serve.")
public final class GatewayMain implements Callable<Integer> {

    public static void main(String[] args) {
        if (args.length == 0) {
            // How the service is started: the command line is not built, as picocli reads every command's
            // annotations reflectively first, about 0.3 s of a 2.8 s start on these two-core machines.
            try {
                System.exit(new Serve().call());
            } catch (Exception e) {
                System.err.println(failureMessage(e));
                System.exit(1);
            }
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line, where an operator's mistake prints its message, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new GatewayMain()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new OperatorUsageErrors()).setExecutionExceptionHandler((error, cmd, parsed) -> {
                    cmd.getErr().println(failureMessage(error));
                    return 1;
                });
    }

    private static String failureMessage(Exception error) {
        return error instanceof IllegalArgumentException ? error.getMessage() : error.toString();
    }

    @Override
    public Integer call() throws Exception {
        return new Serve().call();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mipres-gateway " + GatewayServer.version()};
        }
    }

    @Command(name = "serve", description = "Inicia el servicio (lo que hace el jar sin comando).")
    static final class Serve implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger("mipres-gateway");

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            Config config = Config.load();
            LOG.info("Configuration:\n{}", config.describe());
            for (String unknown : config.unknownVariables(System.getenv())) {
                LOG.warn("{} is set but names no setting of the service, and is ignored: is it one of the README's"
                        + " Configuration table, mistyped?", unknown);
            }
            GatewayServer server = startOrSayWhy(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
            LOG.info("mipres-gateway {} ({} mode, {}) listening on http://{}:{}{}/ — started in {} ms",
                    GatewayServer.version(), config.sandbox() ? "sandbox" : "production", databaseLocation(config),
                    config.host(), server.port(), GatewayServer.API_PATH, (System.nanoTime() - start) / 1_000_000);
            server.join();
            return 0;
        }

        private static GatewayServer startOrSayWhy(Config config) throws Exception {
            try {
                return GatewayServer.start(config, Clock.systemUTC());
            } catch (Exception e) {
                IllegalArgumentException damaged = Database.damagedFile(config, e);
                throw damaged != null ? damaged : e;
            }
        }
    }

    @Command(name = "admin", description = "Comandos del operador: las partes (EPS y proveedores) y sus tokens principales.",
            subcommands = {PartyCommands.class, TokenCommands.class})
    static final class Admin {
    }

    /**
     * Opens the configured database (migrating it) for one operator command, first saying which one on stderr: the
     * default H2 folder is relative, and a command run from another folder than the service's works on a database of
     * its own, which the service never sees.
     */
    static <T> T withAdmin(java.util.function.Function<PartyAdmin, T> work) {
        Config config = Config.load().validated();
        System.err.println("Base de datos: " + databaseLocation(config));
        try (Database database = Database.open(config)) {
            return work.apply(new PartyAdmin(database, new PartyStore(), Clock.systemUTC()));
        }
    }

    /** The H2 file's absolute path, or the PostgreSQL URL (password masked) and schema. */
    static String databaseLocation(Config config) {
        if (config.dbUrl().isBlank()) return "H2 " + Database.embeddedFile(config);
        return Config.maskUrlPassword(config.dbUrl()) + (config.dbSchema().isBlank() ? "" : ", schema " + config.dbSchema());
    }

    @Command(name = "party", description = "Registra y lista EPS y proveedores; levanta un bloqueo.")
    static final class PartyCommands {
        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

        @Command(name = "add", description = "Registra una EPS o un proveedor.")
        int add(@Option(names = "--nit", required = true, paramLabel = "NIT", description = "de 5 a 15 dígitos, sin el dígito de verificación") String nit,
                @Option(names = "--nombre", required = true, paramLabel = "NOMBRE", description = "el nombre de la parte") String nombre,
                @Option(names = "--rol", required = true, paramLabel = "ROL", description = "EPS o PROVEEDOR") Rol rol,
                @Option(names = "--codigo", paramLabel = "CODEPS", description = "CodEPS (obligatorio para una EPS)") String codigo) {
            withAdmin(admin -> {
                admin.addParty(new Party(nit, nombre.strip(), rol, codigo));
                return null;
            });
            System.out.println("Registrado: " + rol + " " + nit + " (" + nombre.strip() + ").");
            return 0;
        }

        @Command(name = "unlock", description = "Levanta el bloqueo de GenerarToken de una parte (5 tokens principales errados)"
                + " y olvida sus intentos fallidos.")
        int unlock(@Option(names = "--nit", required = true, paramLabel = "NIT", description = "el NIT de la parte") String nit) {
            PartyStore.Lockout was = withAdmin(admin -> admin.unlock(nit));
            long now = Clock.systemUTC().millis();
            if (was.lockedAt(now)) {
                System.out.println("Desbloqueado: " + nit + " (estaba bloqueado hasta " + bogotaMinutes(was.lockedUntilMs())
                        + ", hora de Bogotá).");
            } else {
                System.out.println(nit + " no estaba bloqueado; " + (was.failures() == 0 ? "no tenía intentos fallidos."
                        : was.failures() == 1 ? "se olvida su intento fallido reciente."
                        : "se olvidan sus " + was.failures() + " intentos fallidos recientes."));
            }
            return 0;
        }

        @Command(name = "list", description = "Lista las partes, y cuáles tienen GenerarToken bloqueado.")
        int list() {
            withAdmin(admin -> {
                long now = Clock.systemUTC().millis();
                admin.parties().forEach(listed -> {
                    Party p = listed.party();
                    System.out.printf("%-15s %-10s %-8s %s%s%n", p.nit(), p.rol(), p.codigo() == null ? "" : p.codigo(),
                            p.nombre(), lockNote(p.nit(), listed.lockout(), now));
                });
                return null;
            });
            return 0;
        }

        private static String lockNote(String nit, PartyStore.Lockout lockout, long now) {
            if (!lockout.lockedAt(now)) return "";
            return "  (bloqueado hasta " + bogotaMinutes(lockout.lockedUntilMs()) + ", hora de Bogotá; 'admin party unlock --nit "
                    + nit + "' lo levanta)";
        }

        private static String bogotaMinutes(long epochMs) {
            return MINUTES.format(Instant.ofEpochMilli(epochMs).atZone(MipresTime.BOGOTA));
        }
    }

    @Command(name = "token", description = "Emite, lista y revoca tokens principales.")
    static final class TokenCommands {
        @Command(name = "issue", description = "Emite un token principal nuevo; se muestra solo esta vez.")
        int issue(@Option(names = "--nit", required = true, paramLabel = "NIT", description = "el NIT de la parte") String nit,
                @Option(names = "--vence", paramLabel = "yyyy-MM-dd",
                        description = "último día (hora de Bogotá) en que el token vale; sin él, vale hasta que se revoque") String vence) {
            LocalDate lastValidDay = vence == null ? null : MipresTime.parseFecha(vence).orElseThrow(
                    () -> new IllegalArgumentException("--vence debe ser una fecha con formato yyyy-MM-dd: " + vence));
            String token = withAdmin(admin -> admin.issueToken(nit, lastValidDay));
            System.out.println(token);
            return 0;
        }

        @Command(name = "list", description = "Lista los tokens principales de una parte (ids y fechas, nunca los tokens).")
        int list(@Option(names = "--nit", required = true, paramLabel = "NIT", description = "el NIT de la parte") String nit) {
            withAdmin(admin -> {
                LocalDateTime now = MipresTime.now(Clock.systemUTC());
                // Seconds always written: LocalDateTime's own text drops them when they are 0, and a script reads columns.
                DateTimeFormatter seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
                admin.tokens(nit).forEach(t -> System.out.printf("%-6d emitido %s%s%s%n", t.id(), seconds.format(t.creado()),
                        t.vence() == null ? "" : "  vale hasta el " + PartyStore.lastValidDay(t.vence())
                                + (t.vence().isAfter(now) ? "" : " (vencido)"),
                        t.revocado() == null ? "" : "  revocado " + seconds.format(t.revocado())));
                return null;
            });
            return 0;
        }

        @Command(name = "revoke", description = "Revoca un token principal y termina sus sesiones.")
        int revoke(@Option(names = "--nit", required = true, paramLabel = "NIT", description = "el NIT de la parte") String nit,
                @Option(names = "--id", required = true, paramLabel = "ID", description = "el id del token, como lo muestra 'token list'") long id) {
            boolean revoked = withAdmin(admin -> admin.revokeToken(nit, id));
            System.out.println(revoked ? "Revocado: el token " + id + " de " + nit + "."
                    : "El NIT " + nit + " no tiene un token activo con el id " + id + ".");
            return revoked ? 0 : 1;
        }
    }
}
