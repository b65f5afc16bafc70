package coursekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** A checksum a file must have: its algorithm ({@code MD5} or {@code SHA-256}) and value in hexadecimal. */
public record Checksum(String algorithm, String hex) {

    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        hex = Objects.requireNonNull(hex, "hex").toLowerCase(Locale.ROOT);
        newDigest(algorithm);
    }

    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    /** A fresh digest of this checksum's algorithm. */
    public MessageDigest digest() {
        return newDigest(algorithm);
    }

    /** The checksum of {@code file} in this algorithm, in lower-case hexadecimal. */
    public String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** The checksum of what {@code in} holds to its end, in lower-case hexadecimal; the stream stays open. */
    public String of(InputStream in) throws IOException {
        return hex(algorithm, in);
    }

    /** The {@code algorithm} ({@code MD5}, {@code SHA-256}) checksum of what {@code in} holds to its end, in lower-case hexadecimal. */
    public static String hex(String algorithm, InputStream in) throws IOException {
        MessageDigest digest = newDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Unknown checksum algorithm " + algorithm + "; use MD5 or SHA-256.", e);
        }
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
