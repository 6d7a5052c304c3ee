package org.exotrace.platform.boundary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The request body as {@link RequestGuard} reads it: all of it when it is within the limit, and no more than one byte past
 * the limit otherwise, whatever length the request declared and however the stream hands the bytes over.
 */
class RequestGuardReadTest {

    private static final Random RANDOM = new Random(20261203);

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A stream that hands over at most {@code step} bytes per read, as a slow or chunked connection does. */
    private static InputStream trickling(byte[] body, int step) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void aBodyWithinTheLimitIsReadWholeWhateverItsDeclaredLength() throws IOException {
        int limit = 5000;
        for (int size : new int[] {0, 1, 99, 1023, 1024, 1025, 4999, 5000}) {
            byte[] body = bytes(size);
            for (long declared : new long[] {size, -1}) {
                for (int step : new int[] {1, 7, 8192}) {
                    assertArrayEquals(body, RequestGuard.readAtMost(trickling(body, step), limit, declared),
                            () -> size + " bytes, declared " + declared + ", " + step + " a read");
                }
            }
        }
    }

    @Test
    void aBodyOverTheLimitIsReadToOneBytePastItAndNoFurther() throws IOException {
        int limit = 5000;
        for (int size : new int[] {5001, 5002, 12_000}) {
            byte[] body = bytes(size);
            for (long declared : new long[] {-1, 10, limit}) {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                byte[] read = RequestGuard.readAtMost(in, limit, declared);
                assertEquals(limit + 1, read.length, () -> size + " bytes, declared " + declared);
                assertArrayEquals(java.util.Arrays.copyOf(body, limit + 1), read);
                assertEquals(size - limit - 1, in.available(), "bytes past the limit + 1 are left unread");
            }
        }
    }

    @Test
    void aDeclaredLengthIsNotTrusted() throws IOException {
        int limit = 300_000;
        byte[] shortBody = bytes(10);
        assertArrayEquals(shortBody, RequestGuard.readAtMost(new ByteArrayInputStream(shortBody), limit, limit));
        byte[] longBody = bytes(RequestGuard.FIRST_BUFFER_CAP * 3 + 5);
        assertArrayEquals(longBody, RequestGuard.readAtMost(trickling(longBody, 4096), limit, 10));
        assertArrayEquals(longBody, RequestGuard.readAtMost(trickling(longBody, 4096), limit, longBody.length));
    }

    @Test
    void aZeroLimitTakesOnlyAnEmptyBody() throws IOException {
        assertEquals(0, RequestGuard.readAtMost(new ByteArrayInputStream(new byte[0]), 0, -1).length);
        assertEquals(1, RequestGuard.readAtMost(new ByteArrayInputStream(bytes(3)), 0, 3).length);
    }
}
