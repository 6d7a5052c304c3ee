package org.exotrace.platform.boundary;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes a large JSON answer (the forward trace, the lot report) as UTF-8 bytes straight into a buffer of its own, with
 * each member name encoded once ({@link Name}). It writes the same bytes as Parsson's {@code JsonGenerator} for the same
 * calls (JsonStreamTest compares them): Parsson wrote through a {@code Writer} and an encoder, and looked up and escaped
 * every name char by char: a third of the answering thread's CPU in a 10 000-dose trace (docs/BENCHMARKS.md).
 *
 * <p>Null values are left out (as the answers' JSON-B rules do); enums, dates and other objects are written as their
 * {@code toString()}, instants as {@link Instants#text}. One per answer; not thread-safe. Nesting is tracked only to place
 * commas: a member written outside an object is a programming error that the tests catch, not checked here.
 */
public final class JsonStream implements Closeable {

    /** A member name, encoded once as {@code "name":}; names are plain ASCII, needing no escape. */
    public static final class Name {
        private final byte[] member;

        private Name(String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                    throw new IllegalArgumentException("a member name of printable ASCII without quote or backslash is expected: " + name);
                }
            }
            member = ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
        }

        public static Name of(String name) {
            return new Name(name);
        }
    }

    private static final int SIZE = 8192;
    /** Room a single char can take escaped or encoded (6 for the escape of U+001F), and the closing quote. */
    private static final int ROOM = 8;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int pos;
    /** Per open object or array: its closing byte, and whether it has no element yet. */
    private byte[] closers = new byte[16];
    private boolean[] empty = new boolean[16];
    private int depth = -1;

    public JsonStream(OutputStream out) {
        this.out = out;
    }

    public JsonStream startObject() throws IOException {
        separate();
        open('{', '}');
        return this;
    }

    public JsonStream startObject(Name name) throws IOException {
        member(name);
        open('{', '}');
        return this;
    }

    public JsonStream startArray(Name name) throws IOException {
        member(name);
        open('[', ']');
        return this;
    }

    public JsonStream end() throws IOException {
        room(1);
        buf[pos++] = closers[depth--];
        return this;
    }

    /** {@code "name":"text"}, escaped as JSON needs; nothing when {@code value} is null. */
    public JsonStream text(Name name, String value) throws IOException {
        if (value != null) {
            member(name);
            string(value);
        }
        return this;
    }

    /** An instant as {@link Instants#text}, an id in its canonical form, anything else as its {@code toString()}. */
    public JsonStream text(Name name, Object value) throws IOException {
        if (value instanceof UUID id) {
            member(name);
            uuid(id);
        } else if (value instanceof Instant instant) {
            text(name, Instants.text(instant));
        } else if (value != null) {
            text(name, value.toString());
        }
        return this;
    }

    public JsonStream number(Name name, long value) throws IOException {
        member(name);
        ascii(Long.toString(value));
        return this;
    }

    /** The number as {@link BigDecimal#toString()} writes it; nothing when null. */
    public JsonStream number(Name name, BigDecimal value) throws IOException {
        if (value != null) {
            member(name);
            ascii(value.toString());
        }
        return this;
    }

    public JsonStream bool(Name name, boolean value) throws IOException {
        member(name);
        bytes(value ? TRUE : FALSE);
        return this;
    }

    /** Writes what is buffered and closes the stream underneath, as a JSON-P generator does. */
    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void open(char opener, char closer) throws IOException {
        if (++depth == closers.length) {
            closers = Arrays.copyOf(closers, depth * 2);
            empty = Arrays.copyOf(empty, depth * 2);
        }
        closers[depth] = (byte) closer;
        empty[depth] = true;
        room(1);
        buf[pos++] = (byte) opener;
    }

    /** A comma before every element of an object or array but its first. */
    private void separate() throws IOException {
        if (depth >= 0) {
            if (empty[depth]) {
                empty[depth] = false;
            } else {
                room(1);
                buf[pos++] = ',';
            }
        }
    }

    private void member(Name name) throws IOException {
        separate();
        bytes(name.member);
    }

    private void string(String s) throws IOException {
        if (pos > SIZE - ROOM) {
            flush();
        }
        buf[pos++] = '"';
        int n = s.length();
        // Most text (ids, codes, names) is plain ASCII needing no escape: copied as it fits, then char by char.
        int i = 0;
        int fits = Math.min(n, SIZE - ROOM - pos);
        for (; i < fits; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            buf[pos + i] = (byte) c;
        }
        pos += i;
        for (; i < n; i++) {
            if (pos > SIZE - ROOM) {
                flush();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    buf[pos++] = (byte) c;
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xc0 | c >> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                buf[pos++] = (byte) (0xe0 | c >> 12);
                buf[pos++] = (byte) (0x80 | c >> 6 & 0x3f);
                buf[pos++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int p = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xf0 | p >> 18);
                buf[pos++] = (byte) (0x80 | p >> 12 & 0x3f);
                buf[pos++] = (byte) (0x80 | p >> 6 & 0x3f);
                buf[pos++] = (byte) (0x80 | p & 0x3f);
            } else {
                buf[pos++] = '?'; // a lone surrogate: what Java's UTF-8 encoder (and so Parsson) writes for it
            }
        }
        buf[pos++] = '"';
    }

    /** The escapes Parsson writes: short ones where JSON has them, a six-char u-escape (lower-case hex) for the other control chars. */
    private void escape(char c) {
        buf[pos++] = '\\';
        switch (c) {
            case '"', '\\' -> buf[pos++] = (byte) c;
            case '\b' -> buf[pos++] = 'b';
            case '\f' -> buf[pos++] = 'f';
            case '\n' -> buf[pos++] = 'n';
            case '\r' -> buf[pos++] = 'r';
            case '\t' -> buf[pos++] = 't';
            default -> {
                buf[pos++] = 'u';
                buf[pos++] = '0';
                buf[pos++] = '0';
                buf[pos++] = HEX[c >> 4];
                buf[pos++] = HEX[c & 0xf];
            }
        }
    }

    private void uuid(UUID id) throws IOException {
        room(38);
        buf[pos++] = '"';
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        hex(hi >>> 32, 8);
        buf[pos++] = '-';
        hex(hi >>> 16, 4);
        buf[pos++] = '-';
        hex(hi, 4);
        buf[pos++] = '-';
        hex(lo >>> 48, 4);
        buf[pos++] = '-';
        hex(lo, 12);
        buf[pos++] = '"';
    }

    /** The low {@code digits} hex digits of {@code value}. */
    private void hex(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buf[pos + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        pos += digits;
    }

    private void ascii(String s) throws IOException {
        if (s.length() > SIZE) {
            flush();
            out.write(s.getBytes(StandardCharsets.US_ASCII));
            return;
        }
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b) throws IOException {
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** Makes room for {@code n} more bytes (a name or a number: far less than the buffer). */
    private void room(int n) throws IOException {
        if (pos + n > SIZE) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
