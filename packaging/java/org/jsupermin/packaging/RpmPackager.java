package org.jsupermin.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.redline_rpm.Builder;
import org.redline_rpm.header.Architecture;
import org.redline_rpm.header.Header;
import org.redline_rpm.header.Os;
import org.redline_rpm.header.RpmType;
import org.redline_rpm.payload.Contents;
import org.redline_rpm.payload.CpioHeader;
import org.redline_rpm.payload.Directive;

/** Writes jsupermin's .rpm with Redline: root-owned entries, fixed mtimes and build time, relative symlinks. */
public final class RpmPackager {

    /** Fedora's and openSUSE's directory for zsh completion functions shipped by packages. */
    public static final String ZSH_DIR = "/usr/share/zsh/site-functions";

    /** The release number of the package. */
    public static final String RELEASE = "1";

    private RpmPackager() {
    }

    /** Writes {@code NAME-VERSION-1.noarch.rpm} into {@code outDir}; returns its path. */
    public static Path write(PackageMetadata meta, List<InstallEntry> entries, Path outDir) throws IOException {
        Builder builder = new Builder();
        builder.setPackage(meta.name(), meta.version(), RELEASE);
        builder.setType(RpmType.BINARY);
        builder.setPlatform(Architecture.NOARCH, Os.LINUX);
        builder.setSummary(meta.summary());
        builder.setDescription(meta.longDescription());
        builder.setPackager(meta.maintainer());
        builder.setVendor(meta.maintainer());
        builder.setGroup("System/Tools");
        builder.setLicense("unspecified");
        builder.setBuildHost("localhost");
        builder.addHeaderEntry(Header.HeaderTag.BUILDTIME, (int) (meta.timestampMillis() / 1000));
        builder.addDependencyMore("java-headless", "1:17");
        builder.addProvides("supermin", PackageMetadata.PROVIDES_SUPERMIN);
        builder.addConflicts("supermin", 0, "");
        builder.addObsoletes("supermin", 0, "");
        builder.setPostInstallScript(MaintainerScripts.rpmPost());
        builder.setPostUninstallScript(MaintainerScripts.rpmPostun());
        builder.setFiles(contents(entries, meta.timestampMillis()));
        Path rpm = outDir.resolve(meta.name() + "-" + meta.version() + "-" + RELEASE + ".noarch.rpm");
        Files.deleteIfExists(rpm);
        try {
            String written = builder.build(outDir.toFile());
            if (!outDir.resolve(written).equals(rpm)) {
                Files.move(outDir.resolve(written), rpm);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("writing " + rpm + ": " + e.getMessage(), e);
        }
        return rpm;
    }

    private static Contents contents(List<InstallEntry> entries, long mtimeMillis) throws IOException {
        Contents contents = new Contents();
        for (InstallEntry e : entries) {
            switch (e.kind()) {
                case DIRECTORY -> contents.addDirectory(e.path(), e.mode(), Directive.NONE, "root", "root", false);
                case SYMLINK -> contents.addLink(e.path(), e.target(), e.mode(), "root", "root");
                case FILE -> contents.addFile(e.path(), e.source().toFile(), e.mode(), Directive.NONE, "root", "root",
                        0755, false);
            }
        }
        for (CpioHeader header : contents.headers()) {
            header.setMtime(mtimeMillis);
        }
        return contents;
    }
}
