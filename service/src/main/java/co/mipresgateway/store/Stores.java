package co.mipresgateway.store;

/** The stores of the gateway, built once at start. */
public record Stores(PartyStore parties, DireccionamientoStore direccionamientos,
        NODireccionamientoStore noDireccionamientos, ProgramacionStore programaciones, EntregaStore entregas,
        ReporteEntregaStore reportes) {

    public static Stores create() {
        return new Stores(new PartyStore(), new DireccionamientoStore(), new NODireccionamientoStore(),
                new ProgramacionStore(), new EntregaStore(), new ReporteEntregaStore());
    }
}
