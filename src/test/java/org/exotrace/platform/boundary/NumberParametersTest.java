package org.exotrace.platform.boundary;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.exotrace.vial.boundary.StockResource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberParametersTest {

    private static Optional<String> expiring(String... pairs) throws NoSuchMethodException {
        Method method = StockResource.class.getMethod("expiring", StockResource.Window.class, PageRequest.class);
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return NumberParameters.notANumber(method, query);
    }

    @Test
    void aWholeNumberParameterOfABeanParameterThatIsNotOneIsNamed() throws Exception {
        assertEquals(Optional.of("withinDays"), expiring("withinDays", "x"));
        assertEquals(Optional.of("page"), expiring("page", "abc"));
        assertEquals(Optional.of("size"), expiring("size", "1.5"));
        assertEquals(Optional.of("page"), expiring("page", "99999999999"), "out of an int's range, as Jersey refuses it");
    }

    @Test
    void numbersAbsentOrBlankValuesAndOtherParametersAreLeftToJersey() throws Exception {
        assertEquals(Optional.empty(), expiring());
        assertEquals(Optional.empty(), expiring("withinDays", "30", "page", "2", "size", " 50 "));
        assertEquals(Optional.empty(), expiring("page", ""));
        assertEquals(Optional.empty(), expiring("unknown", "abc"));
    }
}
