package co.mipresgateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** However an integrator writes the address (from a config file, a README, the ministry's manual), one API base. */
class ApiBaseTest {

    @Test
    void theHostTheApiBaseOrThePathBeforeItGiveTheSameBase() {
        String local = "http://localhost:8080/WSSUMMIPRESNOPBS/api/";
        String ministry = "https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api/";
        Map.of("http://localhost:8080", local,
                "http://localhost:8080/", local,
                " http://localhost:8080\n", local,
                "http://localhost:8080/WSSUMMIPRESNOPBS", local,
                "https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api", ministry,
                "https://wsmipres.sispro.gov.co/WSSUMMIPRESNOPBS/api/", ministry,
                "https://wsmipres.sispro.gov.co/wssummipresnopbs/API", "https://wsmipres.sispro.gov.co/wssummipresnopbs/API/")
                .forEach((written, base) -> assertEquals(base, SuministroClient.apiBase(written).toString(), written));
    }

    @Test
    void theSoapAddressComesFromTheHostTheRestBaseOrItself() {
        String soap = "http://gateway:8080/WSSUMMIPRESNOPBS/soap/suministro";
        for (String written : new String[] {"http://gateway:8080", "http://gateway:8080/", "http://gateway:8080/WSSUMMIPRESNOPBS/api",
                "http://gateway:8080/wssummipresnopbs/API/", "http://gateway:8080/WSSUMMIPRESNOPBS", soap}) {
            assertEquals(soap, SuministroSoap.address(written), written);
        }
    }
}
