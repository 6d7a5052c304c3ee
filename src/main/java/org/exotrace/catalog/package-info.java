/**
 * The catalogue: cell processing centres (CPC, where lots are made, with their licence or
 * notification number) and, later, the products with their GTIN and QC specification.
 *
 * <p>Rules: a CPC code is unique; every CPC carries a licence number (MHLW licence or notification
 * under the Act on the Safety of Regenerative Medicine) and an ISO 3166-1 country.
 */
package org.exotrace.catalog;
