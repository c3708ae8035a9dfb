package org.carespec.platform.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns an HTML document the platform wrote (a decline letter, a return) into a PDF, with openhtmltopdf. */
public final class PdfRenderer {

    private PdfRenderer() {
    }

    /**
     * @param html a whole XHTML document
     * @param what what it is, for the error if it cannot be rendered ("the letter")
     */
    public static byte[] render(String html, String what) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be rendered", e);
        }
    }
}
