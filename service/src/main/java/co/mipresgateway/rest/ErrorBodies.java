package co.mipresgateway.rest;

import co.mipresgateway.contract.ErrorValidacion;
import co.mipresgateway.contract.Mensaje;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The ministry's error shapes: {"Message"}, {"Message","Errors"} and {"Message","ModelState"}. */
final class ErrorBodies {

    /** The 400 shape of a body that cannot be bound, as ASP.NET Web API (the ministry's framework) writes it. */
    record ModelStateError(
            @com.fasterxml.jackson.annotation.JsonProperty("Message") String message,
            @com.fasterxml.jackson.annotation.JsonProperty("ModelState") Map<String, List<String>> modelState) {
    }

    private ErrorBodies() {
    }

    static Response message(int status, String text) {
        return json(status, mensaje(text));
    }

    static Mensaje mensaje(String text) {
        Mensaje mensaje = new Mensaje();
        mensaje.setMessage(text);
        return mensaje;
    }

    static Response validation(String message, List<String> errors) {
        ErrorValidacion error = new ErrorValidacion();
        error.setMessage(message);
        error.getErrors().addAll(errors);
        return json(422, error);
    }

    static Response modelState(String field, String problem) {
        return modelState(Map.of(field, List.of(problem)));
    }

    static Response modelState(Map<String, List<String>> problems) {
        return json(400, new ModelStateError("La solicitud no es válida.", problems));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).entity(body).build();
    }
}
