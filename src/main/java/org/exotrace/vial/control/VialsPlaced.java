package org.exotrace.vial.control;

import org.exotrace.catalog.entity.Product;

/**
 * Vials of a product about to be put at a location (received there, moved there, or found there by a count), fired
 * before the ledger row is written: an observer that throws refuses the whole receipt, move or count. The cold chain
 * records a location no place names as in use, and refuses a registered place whose range does not fit the product's
 * unless a count found the vials there ({@code counted}: a count records what is; ADR 0044, 0048).
 */
public record VialsPlaced(Product product, String location, int vials, boolean counted, String actor) {
}
