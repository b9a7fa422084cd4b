package org.atlascitoyen.mapservice.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tokens of CQL2 text: words, "quoted names", 'strings', numbers and the few symbols. */
final class Cql2Lexer {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, END }

    /** Words that are never a property name. */
    static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "IN", "BETWEEN", "IS", "NULL", "TRUE",
            "FALSE", "DATE", "TIMESTAMP", "INTERVAL");

    record Token(Kind type, String text, int position) {

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean isSymbol(String symbol) {
            return type == Kind.SYMBOL && text.equals(symbol);
        }

        String describe() {
            return switch (type) {
                case END -> "the end of the filter";
                case STRING -> "'" + text + "' at " + position;
                case QUOTED_NAME -> "\"" + text + "\" at " + position;
                default -> "'" + text + "' at " + position;
            };
        }
    }

    private Cql2Lexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || "_.:".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
            } else if (Character.isDigit(c) || (c == '-' || c == '+' || c == '.') && i + 1 < n
                    && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.')) {
                int start = i;
                i++;
                while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    i++;
                    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                        i++;
                    }
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                String number = text.substring(start, i);
                if (!number.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw new Cql2Exception("Not a number: '" + number + "' at " + start);
                }
                tokens.add(new Token(Kind.NUMBER, number, start));
            } else if (c == '\'' || c == '"') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new Cql2Exception("Unclosed " + c + " opened at " + start);
                    }
                    char d = text.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && text.charAt(i + 1) == c) { // '' inside a string is one '
                            value.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(d);
                    i++;
                }
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, value.toString(), start));
            } else if (c == '<' || c == '>') {
                int start = i;
                i++;
                if (i < n && (text.charAt(i) == '=' || c == '<' && text.charAt(i) == '>')) {
                    i++;
                }
                tokens.add(new Token(Kind.SYMBOL, text.substring(start, i), start));
            } else if ("(),=".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else if (c == '!' && i + 1 < n && text.charAt(i + 1) == '=') {
                throw new Cql2Exception("'!=' is not CQL2: write <> (at " + i + ")");
            } else {
                throw new Cql2Exception("Unexpected character '" + c + "' at " + i
                        + " (arithmetic, ; and comments are not supported)");
            }
        }
        tokens.add(new Token(Kind.END, "", n));
        return tokens;
    }
}
