package co.mipresgateway.it;

import static co.mipresgateway.it.RunningGateway.EPS;
import static co.mipresgateway.it.RunningGateway.EPS_TOKEN;
import static co.mipresgateway.it.RunningGateway.PROV1;
import static co.mipresgateway.it.RunningGateway.PROV1_TOKEN;
import static co.mipresgateway.it.RunningGateway.PROV2;
import static co.mipresgateway.it.RunningGateway.PROV2_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.mipresgateway.auth.AuthFailure;
import co.mipresgateway.auth.PartyAdmin;
import co.mipresgateway.it.RunningGateway.Answer;
import co.mipresgateway.store.PartyStore;
import co.mipresgateway.suministro.MipresTime;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token-per-provider auth, over HTTP: shapes, encodings, expiry, lockout, hashing, revocation. */
abstract class AuthContract extends GatewayContract {

    @Test
    void sessionTokensAreShapedLikeTheMinistrys() {
        for (int i = 0; i < 50; i++) {
            String token = gateway.token(PROV1, PROV1_TOKEN);
            assertEquals(44, token.length(), token);
            assertTrue(token.endsWith("="), token);
            assertTrue(token.matches("[A-Za-z0-9_-]{43}="), token);
        }
    }

    @Test
    void generarTokenAnswersAJsonString() {
        Answer answer = ok(gateway.get("GenerarToken/" + PROV1 + "/" + PROV1_TOKEN));
        assertTrue(answer.json().isTextual(), answer.text());
        assertEquals("application/json;charset=utf-8", answer.header("Content-Type").toLowerCase().replace(" ", ""));
    }

    @Test
    void primaryTokenIsAcceptedInAnyLetterCase() {
        ok(gateway.get("GenerarToken/" + PROV1 + "/" + PROV1_TOKEN.toLowerCase()));
    }

    @Test
    void sessionTokenIsAcceptedRawAndUrlEncoded() {
        String token = gateway.token(PROV1, PROV1_TOKEN);
        String encoded = token.substring(0, 43) + "%3D";
        ok(gateway.get("ReporteEntregaXFecha/" + PROV1 + "/" + token + "/" + today()));
        ok(gateway.get("ReporteEntregaXFecha/" + PROV1 + "/" + encoded + "/" + today()));
    }

    @Test
    void anExpiredSessionTokenAnswersAsTheMinistry() {
        String token = gateway.token(PROV2, PROV2_TOKEN);
        gateway.clock.advance(Duration.ofHours(24).plusMinutes(1));
        try {
            Answer expired = gateway.get("ProgramacionXFecha/" + PROV2 + "/" + token + "/" + today());
            assertEquals(400, expired.status());
            assertEquals("EL TOKEN EXPIRÓ", expired.json().get("Message").asText());
        } finally {
            refreshTokens();
        }
    }

    @Test
    void anUnknownTokenOrAnotherNitsTokenAnswers401() {
        Answer unknown = gateway.get("ProgramacionXFecha/" + PROV1 + "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/" + today());
        assertEquals(401, unknown.status());
        assertTrue(unknown.json().get("Message").asText().length() > 10);
        Answer borrowed = gateway.get("ProgramacionXFecha/" + PROV1 + "/" + prov2 + "/" + today());
        assertEquals(401, borrowed.status());
        assertEquals(401, gateway.get("GenerarToken/" + PROV1 + "/" + PROV2_TOKEN).status());
        assertEquals(401, gateway.get("GenerarToken/123456789/" + PROV1_TOKEN).status());
    }

    /**
     * The primary token sent where the session token goes, or the session token sent to GenerarToken: the first
     * mistake of many integrations, which read "Genere un token" and did not see that they had sent the other one.
     */
    @Test
    void aTokenOfTheOtherKindIsToldWhichGoesWhere() {
        Answer primaryInATransaction = gateway.get("EntregaXFecha/" + PROV1 + "/" + PROV1_TOKEN + "/" + today());
        assertEquals(401, primaryInATransaction.status(), primaryInATransaction.text());
        assertTrue(primaryInATransaction.json().get("Message").asText().endsWith(AuthFailure.PRIMARY_WHERE_SESSION_GOES),
                primaryInATransaction.text());
        // A NIT of no party, so that no party's failed tries are counted by this test.
        Answer sessionToGenerarToken = gateway.get("GenerarToken/900000009/" + prov1);
        assertEquals(401, sessionToGenerarToken.status(), sessionToGenerarToken.text());
        assertTrue(sessionToGenerarToken.json().get("Message").asText().endsWith(AuthFailure.SESSION_WHERE_PRIMARY_GOES),
                sessionToGenerarToken.text());
        Answer neither = gateway.get("EntregaXFecha/" + PROV1 + "/not-a-token/" + today());
        assertFalse(neither.json().get("Message").asText().contains("tiene la forma"), neither.text());
    }

    /**
     * The XPacienteFecha queries put the date before the token ({nit}/{fecha}/{token}), the XFecha ones after it: a
     * client that writes one in the other's order sent a date as its token, and was told only that the token is not
     * valid, which sends it to renew a token that is fine.
     */
    @Test
    void aDateWhereTheTokenGoesIsToldTheOrderOfThePath() {
        Answer pacienteFecha = gateway.get("EntregaXPacienteFecha/" + PROV1 + "/" + prov1 + "/" + today() + "/CC/123");
        assertEquals(401, pacienteFecha.status(), pacienteFecha.text());
        assertTrue(pacienteFecha.json().get("Message").asText().endsWith(AuthFailure.DATE_WHERE_THE_TOKEN_GOES),
                pacienteFecha.text());
        Answer xFecha = gateway.get("ProgramacionXFecha/" + PROV1 + "/" + today() + "/" + prov1);
        assertEquals(401, xFecha.status(), xFecha.text());
        assertTrue(xFecha.json().get("Message").asText().endsWith(AuthFailure.DATE_WHERE_THE_TOKEN_GOES), xFecha.text());
        Answer notADate = gateway.get("ProgramacionXFecha/" + PROV1 + "/" + PROV2_TOKEN + "/" + today());
        assertFalse(notADate.json().get("Message").asText().contains("{fecha}"), notADate.text());
    }

    /** NITs are commonly written 900.000.001-7; the ministry's paths take the digits alone. */
    @Test
    void aNitWrittenWithDotsOrItsCheckDigitIsToldHowToWriteIt() {
        for (String written : List.of("900000001-7", "900.000.001")) {
            Answer token = gateway.get("GenerarToken/" + written + "/" + PROV1_TOKEN);
            assertEquals(401, token.status(), token.text());
            assertTrue(token.json().get("Message").asText().endsWith(AuthFailure.NIT_DIGITS_ONLY), token.text());
            Answer query = gateway.get("EntregaXFecha/" + written + "/" + prov1 + "/" + today());
            assertEquals(401, query.status(), query.text());
            assertTrue(query.json().get("Message").asText().endsWith(AuthFailure.NIT_DIGITS_ONLY), query.text());
        }
        Answer digits = gateway.get("GenerarToken/" + PROV1 + "/" + PROV2_TOKEN);
        assertFalse(digits.json().get("Message").asText().contains("dígito de verificación"), digits.text());
    }

    @Test
    void fiveFailedGenerarTokenTriesLockTheNitForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            Answer wrong = gateway.get("GenerarToken/" + EPS + "/00000000-0000-0000-0000-000000000000");
            assertEquals(401, wrong.status());
            assertTrue(wrong.json().get("Message").asText().contains("Credenciales inválidas"), wrong.text());
        }
        Answer fifth = gateway.get("GenerarToken/" + EPS + "/00000000-0000-0000-0000-000000000000");
        assertTrue(fifth.json().get("Message").asText().contains("bloqueado"), fifth.text());
        Answer rightButLocked = gateway.get("GenerarToken/" + EPS + "/" + EPS_TOKEN);
        assertEquals(401, rightButLocked.status());
        assertTrue(rightButLocked.json().get("Message").asText().contains("El usuario se encuentra bloqueado"));
        gateway.clock.advance(Duration.ofMinutes(16));
        try {
            ok(gateway.get("GenerarToken/" + EPS + "/" + EPS_TOKEN));
        } finally {
            refreshTokens();
        }
    }

    /**
     * A HEAD would run the GET it stands for: a link checker or monitor probing GenerarToken would count failed tries
     * (and lock the NIT out) or issue sessions. HEAD is refused on the API, as the ministry's ASP.NET Web API does.
     */
    @Test
    void aHeadRequestRunsNoTransactionAndCountsNoFailedTry() {
        long sessionsBefore = sessionCount();
        Answer rightToken = head("GenerarToken/" + PROV2 + "/" + PROV2_TOKEN);
        assertEquals(405, rightToken.status());
        assertEquals("GET,OPTIONS", rightToken.header("Allow"));
        assertEquals(sessionsBefore, sessionCount(), "a HEAD issued a session token");
        for (int i = 0; i < 6; i++) {
            assertEquals(405, head("GenerarToken/" + PROV2 + "/00000000-0000-0000-0000-000000000000").status());
        }
        ok(gateway.get("GenerarToken/" + PROV2 + "/" + PROV2_TOKEN));
        assertEquals(405, head("ProgramacionXFecha/" + PROV2 + "/" + prov2 + "/" + today()).status());
        assertEquals(200, headAbsolute(gateway.base() + "/health").status(), "monitors may HEAD /health");
    }

    private Answer head(String path) {
        return headAbsolute(gateway.api() + path);
    }

    private Answer headAbsolute(String url) {
        return gateway.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    private long sessionCount() {
        return gateway.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM session_token")
                .mapTo(Long.class).one());
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String session = gateway.token(PROV1, PROV1_TOKEN);
        List<String> stored = gateway.server().database().read(h -> h.createQuery(
                "SELECT token_hash FROM session_token UNION ALL SELECT token_hash FROM primary_token")
                .mapTo(String.class).list());
        assertFalse(stored.isEmpty());
        for (String value : stored) {
            assertTrue(value.matches("[0-9a-f]{64}"), value);
            assertNotEquals(session, value);
            assertFalse(value.equalsIgnoreCase(PROV1_TOKEN));
        }
    }

    @Test
    void revokingAPrimaryTokenEndsItsSessionsAndANewOneWorks() {
        PartyAdmin admin = new PartyAdmin(gateway.server().database(), new PartyStore(), gateway.clock);
        String issued = admin.issueToken(PROV2, null);
        String session = gateway.token(PROV2, issued);
        ok(gateway.get("EntregaXFecha/" + PROV2 + "/" + session + "/" + today()));
        long id = admin.tokens(PROV2).stream().mapToLong(t -> t.id()).max().orElseThrow();
        assertTrue(admin.revokeToken(PROV2, id));
        assertEquals(401, gateway.get("GenerarToken/" + PROV2 + "/" + issued).status(), "at once");
        gateway.clock.advance(Duration.ofSeconds(11));
        assertEquals(401, gateway.get("EntregaXFecha/" + PROV2 + "/" + session + "/" + today()).status(),
                "its sessions end once the gateway reads them again (mipres.token.recheck, 10 s)");
        ok(gateway.get("GenerarToken/" + PROV2 + "/" + PROV2_TOKEN));
    }

    /**
     * An operator may give a primary token a last day (a partner's test period, a contract's end). Its sessions end
     * with it, not 24 h after they were opened, and GenerarToken then says the token ended rather than that the
     * credentials are wrong; being the right secret, it counts no failed try towards the lockout.
     */
    @Test
    void aPrimaryTokenIssuedUntilADayEndsThenAndSoDoItsSessions() {
        ZonedDateTime noonTomorrow = today().plusDays(1).atTime(12, 0).atZone(MipresTime.BOGOTA);
        gateway.clock.advance(Duration.between(gateway.clock.instant(), noonTomorrow.toInstant()));
        try {
            PartyAdmin admin = new PartyAdmin(gateway.server().database(), new PartyStore(), gateway.clock);
            String issued = admin.issueToken(PROV2, today());
            String session = gateway.token(PROV2, issued);
            gateway.clock.advance(Duration.ofHours(11).plusMinutes(59));
            ok(gateway.get("EntregaXFecha/" + PROV2 + "/" + session + "/" + today()));
            gateway.clock.advance(Duration.ofMinutes(2));
            Answer sessionAfter = gateway.get("EntregaXFecha/" + PROV2 + "/" + session + "/" + today());
            assertEquals(400, sessionAfter.status(), sessionAfter.text());
            assertEquals("EL TOKEN EXPIRÓ", sessionAfter.json().get("Message").asText());
            for (int i = 0; i < 6; i++) {
                Answer ended = gateway.get("GenerarToken/" + PROV2 + "/" + issued);
                assertEquals(401, ended.status(), ended.text());
                assertEquals("El token principal venció: su último día de validez fue el " + today().minusDays(1)
                        + ". Pida uno nuevo al operador del servicio.", ended.json().get("Message").asText());
            }
            ok(gateway.get("GenerarToken/" + PROV2 + "/" + PROV2_TOKEN));
            IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                    () -> admin.issueToken(PROV2, today().minusDays(1)));
            assertEquals("El último día de validez (" + today().minusDays(1) + ") ya pasó.", past.getMessage());
        } finally {
            refreshTokens();
        }
    }
}
