package org.exotrace.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI FHIR's R5 model, strict: an element R5 does not define, a value of the wrong type, a choice element misnamed or
 * a malformed date fails the parse. What every FHIR JSON the service writes must survive (ADR 0014).
 */
public final class FhirParser {

    private static final FhirContext R5 = FhirContext.forR5Cached();

    private FhirParser() {
    }

    public static <T extends IBaseResource> T parse(String json, Class<T> type) {
        IParser parser = R5.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(type, json);
    }
}
