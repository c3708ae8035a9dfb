package org.carespec.platform.obligation.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What evidence files the platform keeps, and the check each upload passes: a name that is only a name, no more
 * than 10 MiB, and content that really is one of the accepted types. The type is detected from the bytes by Apache
 * Tika (magic numbers first, the file name only to tell apart formats that share a container, such as the Office
 * Open XML files); the type the client declared must agree with it. Text must be UTF-8 without control characters,
 * because a name ending {@code .txt} says nothing about the bytes.
 */
public final class EvidenceFile {

    /** 10 MiB: the limit of the issue, and the server's largest request. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The accepted types and how the README names them. */
    public static final Map<String, String> ACCEPTED = Map.of(
            "application/pdf", "PDF",
            "image/png", "PNG",
            "image/jpeg", "JPEG",
            "text/plain", "plain text",
            "text/csv", "CSV",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (.xlsx)",
            "application/vnd.oasis.opendocument.text", "OpenDocument text (.odt)",
            "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet (.ods)");

    /** No path separators, control characters or invisible format characters (right-to-left overrides). */
    private static final Pattern NAME = Pattern.compile("^[^/\\\\\\p{Cntrl}\\p{Cf}]{1,200}$");
    /** The file name's extension must be one of its detected type's, so a download never changes what it is. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "application/pdf", List.of("pdf"),
            "image/png", List.of("png"),
            "image/jpeg", List.of("jpg", "jpeg"),
            "text/plain", List.of("txt"),
            "text/csv", List.of("csv"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
            "application/vnd.oasis.opendocument.text", List.of("odt"),
            "application/vnd.oasis.opendocument.spreadsheet", List.of("ods"));
    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry TYPES = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    private EvidenceFile() {
    }

    /** Why an upload was refused, and which part of the request is at fault. */
    public record Refusal(String field, String detail, boolean wrongType, boolean tooLarge) {
    }

    /** @return the refusal, or empty when the file may be kept as {@link #typeOf(byte[], String)} */
    public static Optional<Refusal> check(String filename, String declaredType, byte[] content) {
        if (filename == null || !NAME.matcher(filename).matches() || filename.isBlank()
                || filename.equals(".") || filename.equals("..")) {
            return Optional.of(new Refusal("filename", "must be a file name of 1 to 200 characters, without slashes"
                    + " or control characters", false, false));
        }
        if (content == null || content.length == 0) {
            return Optional.of(new Refusal("body", "the file is empty", false, false));
        }
        if (content.length > MAX_BYTES) {
            return Optional.of(new Refusal("body", "the file is larger than 10 MiB", false, true));
        }
        String detected = typeOf(content, filename);
        if (!ACCEPTED.containsKey(detected)) {
            return Optional.of(new Refusal("body", "files of type " + detected + " are not accepted; send "
                    + String.join(", ", ACCEPTED.values().stream().sorted().toList()), true, false));
        }
        String declared = baseType(declaredType);
        if (!declared.equals(detected) && !declared.equals("application/octet-stream")) {
            return Optional.of(new Refusal("Content-Type", "the file is " + detected + ", not " + declared, true,
                    false));
        }
        String extension = filename.contains(".")
                ? filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.get(detected).contains(extension)) {
            return Optional.of(new Refusal("filename", "a " + ACCEPTED.get(detected) + " file must be named ."
                    + String.join(" or .", EXTENSIONS.get(detected)), true, false));
        }
        if (detected.startsWith("text/") && !isPlainUtf8(content)) {
            return Optional.of(new Refusal("body", "a text file must be UTF-8 without control characters", true,
                    false));
        }
        return Optional.empty();
    }

    /**
     * The detected type of a file's content. The name may only narrow what the bytes say (a zip to a Word file,
     * plain text to CSV): bytes that say nothing keep no type from their name, so random bytes named {@code .png}
     * are not a PNG (found by {@code ParserFuzzTest}).
     */
    public static String typeOf(byte[] content, String filename) {
        String byContent = TIKA.detect(content);
        String named = TIKA.detect(content, filename);
        boolean narrowed = !MediaType.OCTET_STREAM.toString().equals(byContent)
                && TYPES.isSpecializationOf(MediaType.parse(named), MediaType.parse(byContent));
        return named.equals(byContent) || narrowed ? named : byContent;
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isPlainUtf8(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r'
                && c != '\f');
    }
}
