package co.mipresgateway.auth;

/** Who is calling, once its session token was checked: what the service sees instead of a token. */
public record Caller(String nit, Rol rol, String codigo) {

    public boolean is(Rol expected) {
        return rol == expected;
    }
}
