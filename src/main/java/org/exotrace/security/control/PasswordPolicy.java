package org.exotrace.security.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be, wherever one is set (an ADMIN's, the user's own, the bootstrap ADMIN's): 10 to 256
 * characters, more than digits, symbols and blanks, not one character repeated, and neither the user's name nor a
 * common password once the digits and symbols around it are taken off ({@code Password2026!} is {@code password}).
 */
public final class PasswordPolicy {

    /**
     * Words that guessers try first (the heads of published lists of leaked passwords, keyboard runs, and the words of
     * this trade), compared after the digits and symbols around a password are taken off.
     */
    static final Set<String> COMMON = Set.of(
            "password", "passwort", "passw0rd", "p@ssword", "p@ssw0rd", "pass", "passwd", "password-password", "mypassword",
            "qwerty", "qwertyuiop", "qwertyui", "qwerty-qwerty", "asdfghjkl", "asdfgh", "asdf", "zxcvbnm", "azerty",
            "abc", "abcd", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij", "abcabc", "aaa", "qazwsx", "qweasd",
            "iloveyou", "letmein", "welcome", "welcome-back", "admin", "administrator", "root", "superuser", "user", "guest",
            "login", "logon", "default", "changeme", "change-me", "secret", "topsecret", "test", "testing", "tester", "demo",
            "monkey", "dragon", "master", "shadow", "sunshine", "princess", "football", "baseball", "soccer", "superman",
            "batman", "trustno", "starwars", "whatever", "freedom", "hello", "helloworld", "hello-world", "charlie",
            "michael", "jennifer", "jordan", "hunter", "ranger", "killer", "pokemon", "naruto", "sakura", "doraemon",
            "summer", "winter", "spring", "autumn", "january", "december", "monday", "friday",
            "tokyo", "osaka", "japan", "nippon", "exotrace", "exosome", "exosomes", "clinic", "hospital", "nurse", "doctor",
            "medical", "health", "pharmacy", "inventory", "quality", "integration", "company", "office", "computer",
            "internet", "access", "security", "server", "database", "postgres", "payara", "java", "jakarta");

    private PasswordPolicy() {
    }

    /** Why this password may not be {@code username}'s, in a few words for the problem's field error; empty when it may. */
    public static Optional<String> refusal(String username, String password) {
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            return Optional.of("at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (password.length() > Passwords.MAX_LENGTH) {
            return Optional.of("at most " + Passwords.MAX_LENGTH + " characters");
        }
        String core = core(password);
        if (core.isEmpty()) {
            return Optional.of("more than digits, symbols and blanks");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("more than one character repeated");
        }
        if (username != null && (core.equals(core(username)) || password.equalsIgnoreCase(username))) {
            return Optional.of("not the user name");
        }
        if (COMMON.contains(core)) {
            return Optional.of("not a common password (with or without digits and symbols around it)");
        }
        return Optional.empty();
    }

    /** Lower case, without the digits, symbols and blanks at either end: {@code Password2026!} is {@code password}. */
    static String core(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }
}
