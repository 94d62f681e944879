-- The chain of a prescribed technology: Direccionamiento -> Programacion -> Entrega -> ReporteEntrega,
-- plus NODireccionamiento. Every step copies the prescription fields it returns, so a query reads one table.
-- est_*: 0 anulado, 1 activo, 2 procesado (a later step used it).
-- clave_activa / activo_id hold a value only while the record is not annulled: their UNIQUE constraint is
-- what refuses a second active record for the same step, even between several instances.
-- IDs come from sequences, so several instances can share one PostgreSQL.
-- The step tables after Direccionamiento carry no foreign keys and only the indexes the queries use: H2 writes
-- every changed index page at each commit (it must, so that nothing acknowledged is lost), and it would index
-- every referencing column. The chain's integrity is kept by the conditional state updates that each write
-- makes in the same transaction. Patient queries also name the NIT and the day, so (owner, date) serves them.
CREATE SEQUENCE seq_chain START WITH 1000001;
CREATE SEQUENCE seq_direccionamiento START WITH 2000001;
CREATE SEQUENCE seq_no_direccionamiento START WITH 3000001;
CREATE SEQUENCE seq_programacion START WITH 4000001;
CREATE SEQUENCE seq_entrega START WITH 5000001;
CREATE SEQUENCE seq_reporte_entrega START WITH 6000001;

CREATE TABLE direccionamiento (
  id_direccionamiento     BIGINT       PRIMARY KEY,
  id                      BIGINT       NOT NULL UNIQUE,
  no_prescripcion         VARCHAR(20)  NOT NULL,
  tipo_tec                VARCHAR(1)   NOT NULL,
  con_tec                 INT          NOT NULL,
  tipo_id_paciente        VARCHAR(2)   NOT NULL,
  no_id_paciente          VARCHAR(20)  NOT NULL,
  no_entrega              INT          NOT NULL,
  no_sub_entrega          INT          NOT NULL,
  tipo_id_prov            VARCHAR(2)   NOT NULL,
  no_id_prov              VARCHAR(20)  NOT NULL REFERENCES party (nit),
  cod_mun_ent             VARCHAR(5)   NOT NULL,
  fec_max_ent             DATE         NOT NULL,
  cant_tot_a_entregar     VARCHAR(20)  NOT NULL,
  dir_paciente            VARCHAR(300) NOT NULL,
  cod_ser_tec_a_entregar  VARCHAR(30)  NOT NULL,
  no_id_eps               VARCHAR(20)  NOT NULL REFERENCES party (nit),
  cod_eps                 VARCHAR(20)  NOT NULL,
  fec_direccionamiento    TIMESTAMP    NOT NULL,
  est_direccionamiento    INT          NOT NULL,
  fec_anulacion           TIMESTAMP,
  clave_activa            VARCHAR(80)  UNIQUE
);
CREATE INDEX direccionamiento_prov_fecha ON direccionamiento (no_id_prov, fec_direccionamiento);
CREATE INDEX direccionamiento_eps_fecha ON direccionamiento (no_id_eps, fec_direccionamiento);
CREATE INDEX direccionamiento_prescripcion ON direccionamiento (no_prescripcion);

CREATE TABLE no_direccionamiento (
  id_no_direccionamiento    BIGINT       PRIMARY KEY,
  id                        BIGINT       NOT NULL UNIQUE,
  no_prescripcion           VARCHAR(20)  NOT NULL,
  tipo_tec                  VARCHAR(1)   NOT NULL,
  con_tec                   INT          NOT NULL,
  tipo_id_paciente          VARCHAR(2)   NOT NULL,
  no_id_paciente            VARCHAR(20)  NOT NULL,
  no_prescripcion_asociada  VARCHAR(20),
  con_tec_asociada          INT,
  causa_no_entrega          INT          NOT NULL,
  no_id_eps                 VARCHAR(20)  NOT NULL REFERENCES party (nit),
  cod_eps                   VARCHAR(20)  NOT NULL,
  fec_no_direccionamiento   TIMESTAMP    NOT NULL,
  est_no_direccionamiento   INT          NOT NULL,
  fec_anulacion             TIMESTAMP,
  clave_activa              VARCHAR(80)  UNIQUE
);
CREATE INDEX no_direccionamiento_eps_fecha ON no_direccionamiento (no_id_eps, fec_no_direccionamiento);
CREATE INDEX no_direccionamiento_prescripcion ON no_direccionamiento (no_prescripcion);

CREATE TABLE programacion (
  id_programacion         BIGINT       DEFAULT nextval('seq_programacion') PRIMARY KEY,
  id                      BIGINT       NOT NULL,
  nit_proveedor           VARCHAR(20)  NOT NULL,
  no_prescripcion         VARCHAR(20)  NOT NULL,
  tipo_tec                VARCHAR(1)   NOT NULL,
  con_tec                 INT          NOT NULL,
  tipo_id_paciente        VARCHAR(2)   NOT NULL,
  no_id_paciente          VARCHAR(20)  NOT NULL,
  no_entrega              INT          NOT NULL,
  fec_max_ent             DATE         NOT NULL,
  tipo_id_sede_prov       VARCHAR(2)   NOT NULL,
  no_id_sede_prov         VARCHAR(20)  NOT NULL,
  cod_sede_prov           VARCHAR(30)  NOT NULL,
  cod_ser_tec_a_entregar  VARCHAR(30)  NOT NULL,
  cant_tot_a_entregar     VARCHAR(20)  NOT NULL,
  fec_programacion        TIMESTAMP    NOT NULL,
  est_programacion        INT          NOT NULL,
  fec_anulacion           TIMESTAMP,
  activo_id               BIGINT       UNIQUE
);
CREATE INDEX programacion_prov_fecha ON programacion (nit_proveedor, fec_programacion);
CREATE INDEX programacion_prescripcion ON programacion (no_prescripcion);

-- id_programacion is NULL for an EntregaAmbito (hospital or emergency care: no direccionamiento).
CREATE TABLE entrega (
  id_entrega              BIGINT       DEFAULT nextval('seq_entrega') PRIMARY KEY,
  id                      BIGINT       NOT NULL,
  id_programacion         BIGINT,
  nit_proveedor           VARCHAR(20)  NOT NULL,
  no_prescripcion         VARCHAR(20)  NOT NULL,
  tipo_tec                VARCHAR(1)   NOT NULL,
  con_tec                 INT          NOT NULL,
  tipo_id_paciente        VARCHAR(2)   NOT NULL,
  no_id_paciente          VARCHAR(20)  NOT NULL,
  no_entrega              INT          NOT NULL,
  cod_ser_tec_entregado   VARCHAR(30),
  cant_tot_entregada      VARCHAR(20)  NOT NULL,
  ent_total               INT          NOT NULL,
  causa_no_entrega        INT,
  fec_entrega             DATE         NOT NULL,
  no_lote                 VARCHAR(30),
  tipo_id_recibe          VARCHAR(2),
  no_id_recibe            VARCHAR(20),
  est_entrega             INT          NOT NULL,
  fec_registro            TIMESTAMP    NOT NULL,
  fec_anulacion           TIMESTAMP,
  tiene_codigos           BOOLEAN      NOT NULL DEFAULT FALSE,
  activo_id               BIGINT       UNIQUE
);
CREATE INDEX entrega_prov_fecha ON entrega (nit_proveedor, fec_entrega);
CREATE INDEX entrega_prescripcion ON entrega (no_prescripcion);

-- The one active EntregaAmbito of a prescription, technology and delivery number (a row only while active).
CREATE TABLE entrega_ambito_activa (
  clave       VARCHAR(80) PRIMARY KEY,
  id_entrega  BIGINT      NOT NULL UNIQUE
);

CREATE TABLE entrega_codigo (
  id_entrega              BIGINT       NOT NULL,
  orden                   INT          NOT NULL,
  cod_ser_tec_entregado   VARCHAR(30)  NOT NULL,
  cant_tot_entregada      VARCHAR(20)  NOT NULL,
  fec_entrega             DATE         NOT NULL,
  PRIMARY KEY (id_entrega, orden)
);

CREATE TABLE reporte_entrega (
  id_reporte_entrega      BIGINT        DEFAULT nextval('seq_reporte_entrega') PRIMARY KEY,
  id                      BIGINT        NOT NULL,
  id_entrega              BIGINT        NOT NULL,
  nit_proveedor           VARCHAR(20)   NOT NULL,
  no_prescripcion         VARCHAR(20)   NOT NULL,
  tipo_tec                VARCHAR(1)    NOT NULL,
  con_tec                 INT           NOT NULL,
  tipo_id_paciente        VARCHAR(2)    NOT NULL,
  no_id_paciente          VARCHAR(20)   NOT NULL,
  no_entrega              INT           NOT NULL,
  estado_entrega          INT           NOT NULL,
  causa_no_entrega        INT,
  valor_entregado         DECIMAL(18,2) NOT NULL,
  cod_tec_entregado       VARCHAR(30),
  cant_tot_entregada      VARCHAR(20)   NOT NULL,
  no_lote                 VARCHAR(30),
  fec_entrega             DATE          NOT NULL,
  fec_rep_entrega         TIMESTAMP     NOT NULL,
  est_rep_entrega         INT           NOT NULL,
  fec_anulacion           TIMESTAMP,
  activo_id               BIGINT        UNIQUE
);
CREATE INDEX reporte_entrega_prov_fecha ON reporte_entrega (nit_proveedor, fec_rep_entrega);
CREATE INDEX reporte_entrega_prescripcion ON reporte_entrega (no_prescripcion);
