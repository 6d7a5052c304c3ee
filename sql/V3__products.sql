-- The catalogue: products with their GTIN, donor sources, routes and QC specification.

CREATE TABLE product (
    id                 uuid          PRIMARY KEY,
    code               text          NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name               text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    gtin               char(14)      NOT NULL UNIQUE CHECK (gtin ~ '^[0-9]{14}$'),
    volume_ml          numeric(6, 2) NOT NULL CHECK (volume_ml > 0 AND volume_ml <= 100),
    particles_per_vial bigint        NOT NULL CHECK (particles_per_vial > 0),
    created_at         timestamptz   NOT NULL,
    created_by         text          NOT NULL
);

CREATE TABLE product_donor_source (
    product_id   uuid NOT NULL REFERENCES product (id),
    donor_source text NOT NULL CHECK (donor_source IN ('DENTAL_PULP', 'ADIPOSE', 'BONE_MARROW', 'CORD_BLOOD', 'UMBILICAL_CORD')),
    PRIMARY KEY (product_id, donor_source)
);

CREATE TABLE product_route (
    product_id uuid NOT NULL REFERENCES product (id),
    route      text NOT NULL CHECK (route IN ('IV_DRIP', 'INJECTION', 'NASAL', 'EYE_DROP')),
    PRIMARY KEY (product_id, route)
);

-- One row per required assay: a qualitative expected outcome, or a min and/or max with a unit.
CREATE TABLE product_assay_spec (
    product_id uuid    NOT NULL REFERENCES product (id),
    assay      text    NOT NULL CHECK (assay ~ '^[A-Z0-9_]{2,40}$'),
    expected   text    CHECK (expected IN ('NEGATIVE', 'POSITIVE', 'CONFORMS', 'DOES_NOT_CONFORM')),
    min_value  numeric,
    max_value  numeric,
    unit       text,
    PRIMARY KEY (product_id, assay),
    CHECK ((expected IS NOT NULL AND min_value IS NULL AND max_value IS NULL AND unit IS NULL)
        OR (expected IS NULL AND (min_value IS NOT NULL OR max_value IS NOT NULL) AND unit IS NOT NULL)),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);
