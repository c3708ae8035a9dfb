package org.carespec.platform.document;

/** Text put into an HTML document the platform writes (letters, returns): escaped, so it is read as text. */
public final class Html {

    private Html() {
    }

    /** The text with HTML's five special characters escaped; {@code null} is empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
