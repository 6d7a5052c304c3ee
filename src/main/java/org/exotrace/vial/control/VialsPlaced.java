package org.exotrace.vial.control;

import org.exotrace.catalog.entity.Product;

/**
 * Vials of a product about to be put at a location (received there, or moved there), fired before the ledger row is
 * written: an observer that throws refuses the whole receipt or move (the cold chain refuses a storage place whose range
 * does not fit the product's, ADR 0044).
 */
public record VialsPlaced(Product product, String location, int vials) {
}
