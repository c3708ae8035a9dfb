package org.carespec.plugin.api.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.carespec.plugin.api.SpecReference;

/**
 * A list of codes a plugin defines. The platform knows the lists in {@link CodeLists} by their code and
 * checks submitted values against them (a referral's {@code source}, a decline's {@code reason}); a record or
 * referral form field names any list with {@code "x-code-list"}. A contract may add local entries to a list
 * without a deployment ({@code POST /api/v1/contracts/{id}/code-lists/{code}/codes}); they are accepted beside the
 * module's own for that contract only.
 *
 * @param code   the list's code, e.g. {@link CodeLists#REFERRAL_SOURCE}
 * @param title  what the list is
 * @param source where the specification names these values, or {@code null}
 * @param codes  the entries, in the order a form shows them
 */
public record CodeList(String code, String title, SpecReference source, List<Code> codes) {

    public CodeList {
        Objects.requireNonNull(code, "code");
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public Optional<Code> find(String value) {
        return codes.stream().filter(c -> c.code().equals(value)).findFirst();
    }

    public boolean contains(String value) {
        return find(value).isPresent();
    }

    /** Starts a list: {@code CodeList.builder(REFERRAL_SOURCE, "Referral sources", ref).add("GP", "GP").build()}. */
    public static Builder builder(String code, String title, SpecReference source) {
        return new Builder(code, title, source);
    }

    public static final class Builder {
        private final String code;
        private final String title;
        private final SpecReference source;
        private final List<Code> codes = new ArrayList<>();

        private Builder(String code, String title, SpecReference source) {
            this.code = code;
            this.title = title;
            this.source = source;
        }

        public Builder add(String code, String label) {
            codes.add(new Code(code, label));
            return this;
        }

        /** An entry under a group heading. */
        public Builder add(String code, String label, String group) {
            codes.add(new Code(code, label, group));
            return this;
        }

        public CodeList build() {
            return new CodeList(code, title, source, codes);
        }
    }
}
