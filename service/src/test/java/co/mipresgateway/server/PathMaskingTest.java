package co.mipresgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathMaskingTest {

    @Test
    void theSessionTokenNeverReachesTheLog() {
        assertEquals("/WSSUMMIPRESNOPBS/api/ReporteEntregaXFecha/900000001/***/2026-11-24",
                PathMasking.mask("/WSSUMMIPRESNOPBS/api/ReporteEntregaXFecha/900000001/abc-_=/2026-11-24"));
        assertEquals("/WSSUMMIPRESNOPBS/api/Entrega/900000001/***",
                PathMasking.mask("/WSSUMMIPRESNOPBS/api/Entrega/900000001/abc%3D"));
    }

    @Test
    void thePrimaryTokenOfGenerarTokenNeverReachesTheLog() {
        assertEquals("/WSSUMMIPRESNOPBS/api/GenerarToken/900000001/***",
                PathMasking.mask("/WSSUMMIPRESNOPBS/api/GenerarToken/900000001/9A1B2C3D-0000-4000-8000-000000000002"));
    }

    @Test
    void patientQueriesCarryTheTokenFourth() {
        assertEquals("/WSSUMMIPRESNOPBS/api/EntregaXPacienteFecha/900000001/2026-11-24/***/CC/123",
                PathMasking.mask("/WSSUMMIPRESNOPBS/api/EntregaXPacienteFecha/900000001/2026-11-24/tok=/CC/123"));
    }

    @Test
    void pathsSpelledInAnotherCaseAreMaskedAlike() {
        assertEquals("/wssummipresnopbs/API/generartoken/900000001/***",
                PathMasking.mask("/wssummipresnopbs/API/generartoken/900000001/9A1B2C3D-0000-4000-8000-000000000002"));
        assertEquals("/WSSUMMIPRESNOPBS/api/entregaxpacientefecha/900000001/2026-11-24/***/CC/123",
                PathMasking.mask("/WSSUMMIPRESNOPBS/api/entregaxpacientefecha/900000001/2026-11-24/tok=/CC/123"));
    }

    @Test
    void doubledSlashesDoNotMoveTheMask() {
        assertEquals("/WSSUMMIPRESNOPBS/api//EntregaXFecha/900000001/***/2026-11-24",
                PathMasking.mask("/WSSUMMIPRESNOPBS/api//EntregaXFecha/900000001/tok=/2026-11-24"));
        assertEquals("//WSSUMMIPRESNOPBS//api/EntregaXFecha//900000001/***/2026-11-24",
                PathMasking.mask("//WSSUMMIPRESNOPBS//api/EntregaXFecha//900000001/tok=/2026-11-24"));
        assertEquals("/WSSUMMIPRESNOPBS/api/EntregaXPacienteFecha/900000001//2026-11-24/***/CC/123",
                PathMasking.mask("/WSSUMMIPRESNOPBS/api/EntregaXPacienteFecha/900000001//2026-11-24/tok=/CC/123"));
    }

    @Test
    void pathsTooShortToHoldATokenAreLeftAlone() {
        assertEquals("/WSSUMMIPRESNOPBS/api/Entrega/900000001", PathMasking.mask("/WSSUMMIPRESNOPBS/api/Entrega/900000001"));
        assertEquals("/WSSUMMIPRESNOPBS/api/", PathMasking.mask("/WSSUMMIPRESNOPBS/api/"));
    }

    @Test
    void otherPathsAreLeftAlone() {
        assertEquals("/health", PathMasking.mask("/health"));
    }
}
