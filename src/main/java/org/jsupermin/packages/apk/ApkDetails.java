package org.jsupermin.packages.apk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsupermin.packages.InstalledPackage;
import org.jsupermin.packages.LoadedPackages;
import org.jsupermin.packages.PackageDatabaseException;
import org.jsupermin.packages.PackageDetails;
import org.jsupermin.util.FileNames;
import org.jsupermin.util.IoErrors;

/**
 * The {@link PackageDetails} of packages of apk's installed database: {@code o:} origin,
 * {@code I:} installed size (bytes), {@code m:} maintainer, {@code U:} url, {@code L:} license,
 * {@code C:} the control section's checksum, and each package's block as the file holds it.
 * The file is read once for the whole set.
 */
final class ApkDetails {

    private ApkDetails() {
    }

    /**
     * One package's block of the installed database.
     *
     * @param id "name:arch=version", as {@link InstalledPackage#toString()}
     * @param fields the first value of each key
     * @param text the block's lines, each ending in "\n"
     */
    record Block(String id, Map<Character, String> fields, String text) {
    }

    /**
     * The details of each of {@code packages}, sorted (a sorted map: hashing package records would
     * parse every dependency list), from the installed database {@code file}.
     */
    static Map<InstalledPackage, PackageDetails> read(Path file, Collection<InstalledPackage> packages)
            throws PackageDatabaseException {
        Map<String, InstalledPackage> wanted = new TreeMap<>();
        for (InstalledPackage p : packages) {
            wanted.put(p.toString(), p);
        }
        Map<String, PackageDetails> found = new TreeMap<>();
        for (Block b : blocks(file)) {
            InstalledPackage p = wanted.get(b.id());
            if (p != null) {
                found.put(b.id(), details(p, b.fields(), b.text()));
            }
        }
        return LoadedPackages.detailsOf(packages, found, file);
    }

    /** The blocks of the installed database {@code file}, in file order. */
    static List<Block> blocks(Path file) throws PackageDatabaseException {
        String text;
        try {
            text = FileNames.decode(Files.readAllBytes(file)); // as apk: bytes, any not UTF-8 kept as escapes
        } catch (IOException e) {
            throw new PackageDatabaseException("reading " + file + ": " + IoErrors.describe(e), e);
        }
        List<Block> out = new ArrayList<>();
        Map<Character, String> fields = new TreeMap<>();
        StringBuilder block = new StringBuilder();
        for (String line : (text + "\n").split("\n", -1)) {
            if (!line.isEmpty()) {
                block.append(line).append('\n');
                if (line.length() >= 2 && line.charAt(1) == ':') {
                    fields.putIfAbsent(line.charAt(0), line.substring(2));
                }
                continue;
            }
            if (block.length() > 0) {
                String id = fields.get('P') + ":" + fields.getOrDefault('A', "noarch") + "=" + fields.get('V');
                out.add(new Block(id, Map.copyOf(fields), block.toString()));
            }
            fields.clear();
            block.setLength(0);
        }
        return out;
    }

    private static PackageDetails details(InstalledPackage p, Map<Character, String> f, String record) {
        String origin = f.get('o');
        long size = 0;
        try {
            size = f.containsKey('I') ? Math.max(0, Long.parseLong(f.get('I').strip())) : 0;
        } catch (NumberFormatException e) {
            size = 0; // informative only: a size that is not a number counts as unknown
        }
        TreeMap<String, String> checksums = new TreeMap<>();
        String sha1 = sha1Hex(f.get('C'));
        if (sha1 != null) {
            checksums.put("SHA1", sha1);
        }
        return new PackageDetails(origin == null || origin.isBlank() ? p.name() : origin.strip(), p.version(), size,
                f.getOrDefault('m', ""), f.getOrDefault('U', ""), f.getOrDefault('L', ""), checksums, record);
    }

    /** apk's "Q1" + base64 of a SHA-1 as lowercase hex; null for anything else (an MD5 in plain hex, a placeholder). */
    static String sha1Hex(String checksum) {
        if (checksum == null || !checksum.startsWith("Q1")) {
            return null;
        }
        try {
            byte[] digest = Base64.getDecoder().decode(checksum.substring(2));
            return digest.length == 20 ? HexFormat.of().formatHex(digest) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
