package org.jsupermin.packages.rpm;

/** The rpm header tags and flag bits this backend reads. */
final class RpmTag {

    /** The MD5 of the header and payload, moved from the signature header into the database's. */
    static final int SIGMD5 = 261;
    /** The SHA-256 of the header, as hex text. */
    static final int SHA256HEADER = 273;
    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int SIZE = 1009;
    static final int VENDOR = 1011;
    static final int LICENSE = 1014;
    static final int PACKAGER = 1015;
    static final int URL = 1020;
    static final int ARCH = 1022;
    static final int OLDFILENAMES = 1027;
    static final int FILESIZES = 1028;
    static final int FILEMODES = 1030;
    static final int FILELINKTOS = 1036;
    static final int FILEFLAGS = 1037;
    static final int FILEUSERNAME = 1039;
    static final int FILEGROUPNAME = 1040;
    static final int SOURCERPM = 1044;
    static final int PROVIDENAME = 1047;
    static final int REQUIREFLAGS = 1048;
    static final int REQUIRENAME = 1049;
    static final int REQUIREVERSION = 1050;
    static final int PROVIDEFLAGS = 1112;
    static final int PROVIDEVERSION = 1113;
    static final int DIRINDEXES = 1116;
    static final int BASENAMES = 1117;
    static final int DIRNAMES = 1118;
    static final int PAYLOADCOMPRESSOR = 1125;
    static final int LONGFILESIZES = 5008;
    static final int LONGSIZE = 5009;

    /** RPMFILE_CONFIG. */
    static final int FILE_CONFIG = 1;
    /** RPMFILE_GHOST: listed but not shipped in the payload. */
    static final int FILE_GHOST = 1 << 6;

    static final int SENSE_LESS = 1 << 1;
    static final int SENSE_GREATER = 1 << 2;
    static final int SENSE_EQUAL = 1 << 3;
    static final int SENSE_POSTTRANS = 1 << 5;
    static final int SENSE_PRETRANS = 1 << 7;
    static final int SENSE_INTERP = 1 << 8;
    static final int SENSE_SCRIPT_PRE = 1 << 9;
    static final int SENSE_SCRIPT_POST = 1 << 10;
    static final int SENSE_SCRIPT_PREUN = 1 << 11;
    static final int SENSE_SCRIPT_POSTUN = 1 << 12;
    static final int SENSE_SCRIPT_VERIFY = 1 << 13;
    static final int SENSE_MISSINGOK = 1 << 19;
    static final int SENSE_RPMLIB = 1 << 24;
    static final int SENSE_CONFIG = 1 << 28;

    private RpmTag() {
    }
}
