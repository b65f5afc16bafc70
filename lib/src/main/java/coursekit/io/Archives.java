package coursekit.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks the archive formats datasets are published in (gzipped tar, zip), never writing outside the target folder. */
public final class Archives {

    private static final int BLOCK = 512;

    private Archives() {}

    /**
     * Extracts the regular files and folders of a gzipped (ustar or GNU) tar archive into {@code folder}.
     *
     * @return how many files were written
     */
    public static int untarGz(Path archive, Path folder) throws IOException {
        int files = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (true) {
                if (in.readNBytes(header, 0, BLOCK) < BLOCK || isZero(header)) {
                    return files;
                }
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (type == 'L') {
                    longName = new String(in.readNBytes((int) size), StandardCharsets.UTF_8).replace("\0", "");
                    in.skipNBytes(padded - size);
                } else if (type == '0' || type == '\0') {
                    Path target = inside(folder, name, archive);
                    Files.createDirectories(target.getParent());
                    Files.copy(new BoundedStream(in, size), target, StandardCopyOption.REPLACE_EXISTING);
                    in.skipNBytes(padded - size);
                    files++;
                } else if (type == '5') {
                    Files.createDirectories(inside(folder, name, archive));
                } else {
                    in.skipNBytes(padded); // links, pax headers and devices are not part of a dataset
                }
            }
        }
    }

    /**
     * Extracts the files of a zip archive into {@code folder}.
     *
     * @return how many files were written
     */
    public static int unzip(Path archive, Path folder) throws IOException {
        int files = 0;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = inside(folder, entry.getName(), archive);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                files++;
            }
        }
        return files;
    }

    /** {@code name} inside {@code folder}; an entry that would land outside it is refused. */
    private static Path inside(Path folder, String name, Path archive) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root) && !name.matches("\\.?/?")) {
            throw new IOException(archive + " holds an entry outside its folder (" + name + "); the archive is damaged or not the dataset's");
        }
        return target;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String name(byte[] header) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        boolean ustar = field(header, 257, 6).startsWith("ustar");
        return ustar && !prefix.isEmpty() ? prefix + "/" + name : name;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String text = field(header, offset, length).trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("a tar header has the size field '" + text + "'; the archive is damaged", e);
        }
    }

    /** The next {@code size} bytes of a stream, without closing it. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("the archive ends inside a file; it is truncated");
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new IOException("the archive ends inside a file; it is truncated");
            }
            left -= n;
            return n;
        }
    }
}
