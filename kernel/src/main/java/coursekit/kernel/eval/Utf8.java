package coursekit.kernel.eval;

/** UTF-8 boundaries, so that text split into chunks never splits a character. */
final class Utf8 {

    private Utf8() {}

    /** The longest prefix of {@code bytes[0, length)} that ends on a character boundary. */
    static int completeLength(byte[] bytes, int length) {
        int start = length;
        // Walk back over at most three continuation bytes (10xxxxxx) to the start of the last character.
        while (start > 0 && length - start < 4 && (bytes[start - 1] & 0xC0) == 0x80) {
            start--;
        }
        if (start == 0) {
            return length;
        }
        int lead = bytes[start - 1] & 0xFF;
        int needed = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        int have = length - (start - 1);
        return have >= needed ? length : start - 1;
    }
}
