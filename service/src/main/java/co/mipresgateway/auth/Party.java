package co.mipresgateway.auth;

/** An EPS or provider known to the gateway. {@code codigo} is the CodEPS of an EPS. */
public record Party(String nit, String nombre, Rol rol, String codigo) {
}
