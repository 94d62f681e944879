package co.mipresgateway.auth;

/** A party's role before the ministry: the EPS directs, the provider (proveedor) delivers. */
public enum Rol {
    EPS, PROVEEDOR
}
