package io.cairn.interop.esco;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An ESCO download as the portal distributes it: zip archives and/or unpacked folders, in any mix. Finds each
 * {@link EscoFile} in them and opens it as a stream, so nothing is read into memory whole.
 */
final class EscoDownload implements AutoCloseable {
  private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+(?:\\.\\d+)?)");

  /** One input path with its SHA-256, as recorded in the import's provenance. */
  record Input(String name, String sha256, long bytes) {}

  private interface Opener {
    InputStream open() throws IOException;
  }

  private record Located(String displayName, Opener opener) {}

  private final List<ZipFile> zips = new ArrayList<>();
  private final Map<EscoFile, Located> files = new EnumMap<>(EscoFile.class);
  private final List<Input> inputs = new ArrayList<>();
  private final Optional<String> version;

  private EscoDownload(List<Path> paths) throws IOException {
    String foundVersion = null;
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        // the folder the two archives were downloaded into is what people name: open the zips in it
        List<Path> archives = zipsIn(path);
        for (Path zip : archives) {
          foundVersion = foundVersion == null ? versionOf(zip) : foundVersion;
          addZip(zip);
        }
        if (archives.isEmpty()) {
          foundVersion = foundVersion == null ? versionOf(path) : foundVersion;
          addFolder(path);
        }
      } else if (isZip(path)) {
        foundVersion = foundVersion == null ? versionOf(path) : foundVersion;
        addZip(path);
      } else {
        throw new EscoFormatException(path + " is neither an ESCO zip archive nor a folder of ESCO CSV files or"
            + " archives");
      }
    }
    this.version = Optional.ofNullable(foundVersion);
  }

  private static String versionOf(Path path) {
    Matcher m = VERSION.matcher(path.getFileName().toString());
    return m.find() ? m.group(1) : null;
  }

  private static boolean isZip(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
  }

  /** The zip archives directly in a folder, by name. */
  private static List<Path> zipsIn(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(EscoDownload::isZip).sorted().toList();
    }
  }

  private void addFolder(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder, 2)) {
      for (Path csv : walk.filter(Files::isRegularFile).sorted().toList()) {
        Optional<EscoFile> file = EscoFile.forFileName(csv.toString());
        if (file.isPresent()) {
          put(file.get(), new Located(csv.toString(), () -> Files.newInputStream(csv)));
          inputs.add(new Input(csv.getFileName().toString(), sha256(csv), size(csv)));
        }
      }
    }
  }

  private void addZip(Path path) throws IOException {
    ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
    zips.add(zip);
    inputs.add(new Input(path.getFileName().toString(), sha256(path), size(path)));
    for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
      EscoFile.forFileName(entry.getName()).ifPresent(f ->
          put(f, new Located(path.getFileName() + "!/" + entry.getName(), () -> zip.getInputStream(entry))));
    }
  }

  /** Opens the download; fails listing every required file that none of the paths holds. */
  static EscoDownload open(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new EscoFormatException("name the ESCO download: the two zip archives, or their unpacked folders");
    }
    try {
      EscoDownload download = new EscoDownload(paths);
      List<String> missing = new ArrayList<>();
      for (EscoFile f : EscoFile.values()) {
        if (f.required() && !download.files.containsKey(f)) {
          missing.add(f.name().toLowerCase());
        }
      }
      if (!missing.isEmpty()) {
        download.close();
        throw new EscoFormatException("the ESCO download is incomplete: no file for " + String.join(", ", missing)
            + " in " + paths + "; give both archives (the English classification and the relations), or the folder"
            + " they were downloaded into");
      }
      return download;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ESCO download " + paths, e);
    }
  }

  boolean has(EscoFile file) {
    return files.containsKey(file);
  }

  /** Where the file was found, for messages: {@code archive.zip!/skills_en.csv} or a path. */
  String displayName(EscoFile file) {
    return files.get(file).displayName();
  }

  /** A UTF-8 reader over the file (a byte-order mark, if any, is skipped by the CSV reader). */
  Reader open(EscoFile file) throws IOException {
    return new InputStreamReader(files.get(file).opener().open(), StandardCharsets.UTF_8);
  }

  List<Input> inputs() {
    return List.copyOf(inputs);
  }

  /** The ESCO version named in the archive or folder names ({@code v1.1.1}), if any. */
  Optional<String> version() {
    return version;
  }

  private void put(EscoFile file, Located located) {
    Located previous = files.putIfAbsent(file, located);
    if (previous != null) {
      throw new EscoFormatException("two files for " + file.name().toLowerCase() + ": " + previous.displayName()
          + " and " + located.displayName() + "; give one ESCO download at a time");
    }
  }

  private static long size(Path path) throws IOException {
    return Files.size(path);
  }

  private static String sha256(Path path) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (ZipFile zip : zips) {
      try {
        zip.close();
      } catch (IOException ignored) {
        // closing a read-only archive cannot lose data
      }
    }
  }
}
