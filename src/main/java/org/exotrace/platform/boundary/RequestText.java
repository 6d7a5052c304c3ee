package org.exotrace.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Judges the text a request carries before anything reads it. A body must be text in its charset, and JSON
 * must be well formed, closed, no deeper than any request of the API, and hold no lone surrogate (which no
 * charset can store): the JSON-B binding skips unknown properties with a parser that loops for ever on an
 * unclosed object or array (eclipse-ee4j/parsson#23), so a JSON body is parsed here once, completely. What
 * the strings say is the resources' business: a NUL in a scanned barcode is a verdict, not an error, and a
 * NUL that reaches PostgreSQL is refused there (400 INVALID_CHARACTERS, nothing written). The path and query
 * are addresses, not free text: a NUL there is refused here.
 */
public final class RequestText {

    /** Made once: {@code Json.createParser} looks the JSON-P provider up again on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    /** Deepest nesting of objects and arrays accepted; the API's bodies nest four levels at most. */
    public static final int MAX_JSON_DEPTH = 32;

    /** Why a request was refused: problem code, the place ({@code body}, {@code query}, {@code path}) and what is wrong. */
    public record Refusal(String code, String field, String message) {
    }

    private RequestText() {
    }

    /**
     * @param body    the whole body
     * @param json    whether it is JSON, which is then also parsed
     * @param charset the charset the client declared, UTF-8 when none
     */
    public static Optional<Refusal> ofBody(byte[] body, boolean json, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(new Refusal("INVALID_CHARACTERS", "body", "the body holds bytes that are not " + charset.name()));
        }
        return json ? ofJson(text) : Optional.empty();
    }

    private static Optional<Refusal> ofJson(String text) {
        int depth = 0;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_JSON_DEPTH) {
                            return Optional.of(new Refusal("MALFORMED_JSON", "body",
                                    "the body nests objects and arrays deeper than " + MAX_JSON_DEPTH + " levels"));
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME, VALUE_STRING -> {
                        if (loneSurrogate(parser.getString())) {
                            return Optional.of(new Refusal("INVALID_CHARACTERS", "body",
                                    "a JSON string of the body holds half of a UTF-16 surrogate pair"));
                        }
                    }
                    default -> {
                        // numbers, true, false, null
                    }
                }
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return Optional.of(new Refusal("MALFORMED_JSON", "body", "the body is not well-formed JSON"));
        }
        return Optional.empty();
    }

    /**
     * The raw (percent-encoded) path or query of the address: its escapes must decode to UTF-8 without NUL.
     *
     * @param field {@code path} or {@code query}
     */
    public static Optional<Refusal> ofUri(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (lo < 0) {
                    return Optional.of(new Refusal("INVALID_CHARACTERS", field, "the " + field + " holds a '%' that is not an escape such as %2F"));
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        Optional<Refusal> encoding = ofBody(bytes.toByteArray(), false, StandardCharsets.UTF_8)
                .map(r -> new Refusal(r.code(), field, "the " + field + " holds bytes that are not UTF-8"));
        if (encoding.isPresent() || bytes.toString(StandardCharsets.UTF_8).indexOf('\0') < 0) {
            return encoding;
        }
        return Optional.of(new Refusal("INVALID_CHARACTERS", field, "the " + field + " holds a NUL character (%00)"));
    }

    /** Half of a UTF-16 surrogate pair without its other half: no charset can encode it. */
    static boolean loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
