package co.mipresgateway.client.submit;

import co.mipresgateway.client.SuministroClient;
import co.mipresgateway.client.SuministroSoap;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the service is and who calls it: the options every command of the client shares. */
final class Connection {

    @Option(names = "--url", defaultValue = "${env:MIPRES_URL:-http://localhost:8080}", converter = ServiceUrl.class,
            description = "el servicio: el host (http://localhost:8080) o la base del API del ministerio "
                    + "(https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api). Por defecto: ${DEFAULT-VALUE}")
    String url;

    @Option(names = "--nit", required = true, defaultValue = "${env:MIPRES_NIT}", description = "NIT de la parte (o MIPRES_NIT)")
    String nit;

    @Option(names = "--token", required = true, defaultValue = "${env:MIPRES_TOKEN}",
            description = "token principal de la parte (o MIPRES_TOKEN)")
    String token;

    @Option(names = "--timeout", defaultValue = "30", converter = PositiveOptions.Seconds.class, description = "segundos de espera por petición (${DEFAULT-VALUE})")
    double timeoutSeconds;

    /** The service and the caller, for a command's summary: "servicio http://localhost:8080 (REST), NIT 900000001". */
    String describe(String face) {
        return "servicio " + url + " (" + face + "), NIT " + nit;
    }

    Duration timeout() {
        return Duration.ofMillis((long) (timeoutSeconds * 1000));
    }

    /**
     * A REST client whose session is already open, so that wrong credentials stop a command before it reads or
     * sends anything.
     */
    SuministroClient openRestClient(int daysAtOnce) throws SessionOpening.NotOpened, InterruptedException {
        Duration timeout = timeout();
        SuministroClient client = SuministroClient.builder(url).credentials(nit, token)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .requestTimeout(timeout).daysAtOnce(daysAtOnce).build();
        new SessionOpening(url, System.err).open(client::generarToken);
        return client;
    }

    /** The SOAP port with its session open, as {@link #openRestClient} opens REST's. */
    SuministroSoap openSoap() throws SessionOpening.NotOpened, InterruptedException {
        return new SessionOpening(url, System.err).open(() -> SuministroSoap.connect(url, nit, token, timeout()));
    }
}
