/**
 * The one error that controls and entities throw when a request breaks a rule: {@link DomainError}, a reason word
 * ({@code code}), the offending field when there is one, and a {@link DomainError.Kind}. It knows nothing of HTTP;
 * {@code platform.problem.DomainErrorMapper} turns it into problem details at the boundary (docs/adr/0034).
 */
package org.exotrace.platform.error;
