package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import co.mipresgateway.rest.SuministroResource;
import org.junit.jupiter.api.Test;

class MinistryPathSpellingTest {

    private final MinistryPathSpelling spelling = new MinistryPathSpelling(new TransactionNames(SuministroResource.class));

    @Test
    void aPathSpelledAsOursIsLeftAsItIs() {
        assertNull(spelling.respell("/WSSUMMIPRESNOPBS/api/ReporteEntregaXFecha/900000001/tok%3D/2026-11-24"));
        assertNull(spelling.respell("/WSSUMMIPRESNOPBS/api/NODireccionamiento/800000001/tok="));
    }

    @Test
    void theTransactionAndTheBasePathAreRespelledAndNothingElse() {
        assertEquals("/WSSUMMIPRESNOPBS/api/ReporteEntregaXFecha/900000001/aBc%3D/2026-11-24",
                spelling.respell("/WSSUMMIPRESNOPBS/api/ReporteEntregaXfecha/900000001/aBc%3D/2026-11-24"));
        assertEquals("/WSSUMMIPRESNOPBS/api/GenerarToken/900000001/9a1b2c3d",
                spelling.respell("/wssummipresnopbs/API/generartoken/900000001/9a1b2c3d"));
        assertEquals("/WSSUMMIPRESNOPBS/api/NODireccionamiento/800000001/t",
                spelling.respell("/WSSUMMIPRESNOPBS/api/NoDireccionamiento/800000001/t"));
    }

    @Test
    void anUnknownTransactionKeepsItsNameAndOtherPathsAreNotTouched() {
        assertNull(spelling.respell("/WSSUMMIPRESNOPBS/api/NoExiste/1/2"));
        assertEquals("/WSSUMMIPRESNOPBS/api/noexiste/1/2", spelling.respell("/wssummipresnopbs/api/noexiste/1/2"));
        assertNull(spelling.respell("/health"));
        assertNull(spelling.respell("/"));
        assertNull(spelling.respell("/WSSUMMIPRESNOPBS/soap/suministro"));
    }
}
