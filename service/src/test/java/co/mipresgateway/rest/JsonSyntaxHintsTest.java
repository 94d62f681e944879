package co.mipresgateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import co.mipresgateway.contract.Direccionamiento;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Bodies as ERPs that build JSON by joining strings send them, and what the 400 then tells them. */
class JsonSyntaxHintsTest {

    private static final ObjectMapper MAPPER = Json.mapper();

    private static String hintFor(String body) {
        try {
            MAPPER.readValue(body, Direccionamiento.class);
            throw new AssertionError("read without error: " + body);
        } catch (JsonProcessingException e) {
            return JsonSyntaxHints.hint(e);
        }
    }

    @Test
    void anAddressWithUnescapedQuotesIsNamed() {
        assertEquals("falta una coma después del campo DirPaciente, o el texto del campo DirPaciente lleva comillas dobles"
                + " sin escapar (escríbalas \\\")", hintFor("{\"DirPaciente\":\"Calle 5 \"B\" # 3-20\",\"NoEntrega\":1}"));
    }

    /** An integrator who read the WSDL first sends the XML message to the REST path. */
    @Test
    void anXmlBodyIsToldWhereXmlGoes() {
        String hint = "el cuerpo es XML: el API REST recibe JSON ({\"ID\": ...}); los mensajes XML van a la cara SOAP,"
                + " /WSSUMMIPRESNOPBS/soap/suministro";
        assertEquals(hint, hintFor("<s:Direccionamiento><s:ConTec>1</s:ConTec></s:Direccionamiento>"));
        assertEquals(hint, hintFor("<?xml version=\"1.0\"?><Direccionamiento/>"));
        assertNull(hintFor("{\"ConTec\": <1>}"), "a '<' inside the object is not an XML body");
    }

    @Test
    void anAddressWithALineBreakIsNamed() {
        assertEquals("el texto del campo DirPaciente lleva un salto de línea, un tabulador u otro carácter de control sin"
                + " escapar (escríbalo \\n, \\t o \\u00XX)", hintFor("{\"DirPaciente\":\"Calle 5\nBarrio Olaya\"}"));
    }

    @Test
    void aBackslashThatEscapesNothingIsNamed() {
        assertEquals("el texto del campo DirPaciente lleva una barra invertida (\\) que no forma un escape de JSON: escríbala \\\\",
                hintFor("{\"DirPaciente\":\"Bodega 3\\B\"}"));
    }

    @Test
    void aNumberPaddedWithZerosIsNamed() {
        assertEquals("el número del campo ConTec lleva ceros a la izquierda, que JSON no admite: envíelo sin ellos (1000013,"
                + " no 01000013)", hintFor("{\"ConTec\":01}"));
    }

    @Test
    void punctuationMistakesAreNamed() {
        assertEquals("sobra una coma después del campo NoEntrega, antes de '}'", hintFor("{\"NoEntrega\":1,}"));
        assertEquals("los nombres de campo y los textos van entre comillas dobles (\"), no simples (')", hintFor("{'NoEntrega':1}"));
        assertEquals("los nombres de campo van entre comillas dobles (\"ID\": ...)", hintFor("{NoEntrega:1}"));
        assertEquals("JSON no admite comentarios (// o /* */): quítelos", hintFor("{\"NoEntrega\":1, // primera\n}"));
        assertEquals("una llave o un corchete se cierra sin que se haya abierto su pareja", hintFor("{\"NoEntrega\":1]"));
    }

    @Test
    void aCutBodyIsNamed() {
        assertEquals("el cuerpo termina antes de cerrar todas sus llaves o corchetes (¿se cortó al enviarlo?)",
                hintFor("{\"NoEntrega\":1"));
        assertEquals("el texto del campo DirPaciente no cierra sus comillas: el cuerpo termina antes (¿se cortó al enviarlo?)",
                hintFor("{\"DirPaciente\":\"Calle 5"));
    }

    @Test
    void numbersJsonDoesNotHaveAreNamed() {
        assertEquals("el valor del campo NoEntrega no es un número JSON (NaN e Infinity no lo son)", hintFor("{\"NoEntrega\":NaN}"));
        assertEquals("el número del campo NoEntrega termina en punto: escriba cifras después del punto, o quítelo",
                hintFor("{\"NoEntrega\":1.}"));
    }

    @Test
    void aRefusalWithoutAKnownCauseGetsNoHint() {
        assertNull(hintFor("{\"NoEntrega\":tru}"));
    }
}
