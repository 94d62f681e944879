package co.mipresgateway.server;

import co.mipresgateway.auth.Party;
import co.mipresgateway.auth.PartyAdmin;
import co.mipresgateway.auth.Rol;

/** The sandbox's well-known demo parties, created on first start so that a first call works at once. */
public final class SandboxParties {

    public static final Party EPS = new Party("800000001", "EPS Demo", Rol.EPS, "EPSD01");
    public static final String EPS_TOKEN = "8B1B2C3D-0000-4000-8000-000000000001";
    public static final Party PROVEEDOR_1 = new Party("900000001", "Droguería Demo Uno", Rol.PROVEEDOR, null);
    public static final String PROVEEDOR_1_TOKEN = "9A1B2C3D-0000-4000-8000-000000000002";
    public static final Party PROVEEDOR_2 = new Party("900000002", "Droguería Demo Dos", Rol.PROVEEDOR, null);
    public static final String PROVEEDOR_2_TOKEN = "9A1B2C3D-0000-4000-8000-000000000003";

    private SandboxParties() {
    }

    static void ensure(PartyAdmin admin) {
        admin.ensure(EPS, EPS_TOKEN);
        admin.ensure(PROVEEDOR_1, PROVEEDOR_1_TOKEN);
        admin.ensure(PROVEEDOR_2, PROVEEDOR_2_TOKEN);
    }
}
