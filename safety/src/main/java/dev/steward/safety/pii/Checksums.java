package dev.steward.safety.pii;

/**
 * The check-digit and numbering rules that confirm a candidate is a real card number or national id rather than any
 * number of the right length. Inputs are digits only (see {@link #digitsOnly}).
 */
final class Checksums {
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private Checksums() {}

    static String digitsOnly(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** The Luhn (mod 10) check of payment card numbers. */
    static boolean luhn(String digits) {
        if (digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * US Social Security number rules: area 001–899 but not 666, group not 00, serial not 0000 (SSA, "Social
     * Security Number Randomization"). The number printed on a wallet insert sample (078-05-1120) was never valid.
     */
    static boolean ssn(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        return a != 0 && a != 666 && a < 900 && !"00".equals(group) && !"0000".equals(serial)
                && !("078".equals(area) && "05".equals(group) && "1120".equals(serial));
    }

    /**
     * German tax id (Steuerliche Identifikationsnummer): 11 digits, no leading zero; among the first ten exactly one
     * digit occurs twice or three times (never three times in a row) and the others at most once; the last digit is
     * the ISO 7064 MOD 11,10 check digit.
     */
    static boolean steuerId(String digits) {
        if (digits.length() != 11 || digits.charAt(0) == '0') {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[digits.charAt(i) - '0']++;
        }
        int repeated = 0;
        for (int count : counts) {
            if (count > 3) {
                return false;
            }
            if (count > 1) {
                repeated++;
            }
        }
        if (repeated != 1) {
            return false;
        }
        for (int i = 2; i < 10; i++) {
            if (digits.charAt(i) == digits.charAt(i - 1) && digits.charAt(i) == digits.charAt(i - 2)) {
                return false;
            }
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return (check == 10 ? 0 : check) == digits.charAt(10) - '0';
    }

    /**
     * Spanish DNI ({@code 12345678Z}) and NIE ({@code X1234567L}): the letter is the number mod 23 in a fixed table;
     * for an NIE the leading X, Y or Z stands for 0, 1 or 2.
     */
    static boolean dniOrNie(String compact) {
        if (compact.length() != 9) {
            return false;
        }
        char first = compact.charAt(0);
        String number = switch (first) {
            case 'X' -> "0" + compact.substring(1, 8);
            case 'Y' -> "1" + compact.substring(1, 8);
            case 'Z' -> "2" + compact.substring(1, 8);
            default -> compact.substring(0, 8);
        };
        if (!number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return DNI_LETTERS.charAt(Integer.parseInt(number) % 23) == compact.charAt(8);
    }

    /**
     * French social security number (NIR): 13 characters and a two-digit key equal to 97 minus the number mod 97;
     * the Corsican departments 2A and 2B count as 19 and 18.
     */
    static boolean nir(String compact) {
        if (compact.length() != 15) {
            return false;
        }
        String body = compact.substring(0, 13).replace("2A", "19").replace("2B", "18");
        if (!body.chars().allMatch(c -> c >= '0' && c <= '9')
                || !compact.substring(13).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long key = 97 - Long.parseLong(body) % 97;
        return key == Integer.parseInt(compact.substring(13));
    }
}
