package org.exotrace.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1LotAndSerialTest {

    private static final Pattern PATTERN = Pattern.compile(Gs1LotAndSerial.PATTERN);

    @Test
    void thePatternSaysWhatTheParserSaysForEveryCharacterAndLength() {
        for (char c = 0; c < 0x300; c++) {
            for (int length : new int[] {1, 20, 21}) {
                String value = String.valueOf(c).repeat(length);
                boolean byParser = Gs1LotAndSerial.lotProblem(value).isEmpty();
                assertEquals(byParser, PATTERN.matcher(value).matches(), () -> "U+" + Integer.toHexString(value.charAt(0)));
                assertEquals(byParser, Gs1LotAndSerial.serialProblem(value).isEmpty());
            }
        }
        assertTrue(Gs1LotAndSerial.lotProblem("").isPresent());
        assertTrue(Gs1LotAndSerial.lotProblem(null).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB/12", "NFC-2611A", "a\"b%c&d'e(f)g*h+i,", "j.k:l;m<n=o>p?q_r!"})
    void valuesOfCharacterSet82AreLotsAndSerials(String value) {
        assertTrue(Gs1LotAndSerial.lotProblem(value).isEmpty());
        assertTrue(Gs1LotAndSerial.serialProblem(value).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "$", "@", "[", "\\", "]", "^", "`", "{", "|", "}", "~", " ", "é"})
    void charactersNoLabelCanCarryAreRefused(String character) {
        assertTrue(Gs1LotAndSerial.serialProblem("S" + character + "1").isPresent());
        assertTrue(Gs1LotAndSerial.lotProblem("L" + character + "1").isPresent());
    }
}
