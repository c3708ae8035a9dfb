package org.carespec.platform.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a JSON body may send for the API's own types, read strictly (issue 17, finding 6). Micronaut Serde, like
 * Jackson, coerces: {@code "yes"} was read as {@code false}, {@code "20261120"} as a count of days since 1970 (the year
 * 57443), 1.9 minutes as 1, {@code ["Ann"]} and {@code true} as names. Each type here takes exactly one JSON shape
 * and refuses the rest, so what is stored is what was sent; the refusal becomes a 400 naming the field
 * ({@link RequestBindingHandler}). Control characters and lone surrogates are refused earlier, for every body and
 * parameter, by {@link PlainTextFilter}.
 * <p>
 * Each deserializer is {@code @Primary}: Micronaut Serde takes a primary bean over its built-in one for the type.
 */
public final class StrictJson {

    /** The dates the platform accepts anywhere: a birth, a contract, a session. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictJson() {
    }

    private static JsonNode value(Decoder decoder) throws IOException {
        return decoder.decodeNode();
    }

    /**
     * A value refused, with the name of the property it was sent for when Serde says it ({@link RequestBindingHandler}
     * names the field from it); an element of a list has no name of its own and is left to the handler's other clues.
     */
    public static final class Refused extends SerdeException {

        private final transient Argument<?> argument;
        private final String detail;

        Refused(Argument<?> argument, String detail) {
            super(detail);
            this.argument = argument;
            this.detail = detail;
        }

        /** The property's name as the client writes it, if the value was a named property. */
        public java.util.Optional<String> field() {
            String name = argument.getName();
            return name != null && name.matches("[a-z][A-Za-z0-9]*") ? java.util.Optional.of(name)
                    : java.util.Optional.empty();
        }

        public String detail() {
            return detail;
        }
    }

    /** Text is a JSON string: not a number, a boolean, an array or an object. */
    @Singleton
    @Primary
    public static final class Text implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            JsonNode node = value(decoder);
            if (!node.isString()) {
                throw new Refused(type, "must be text (a JSON string)");
            }
            return node.getStringValue();
        }
    }

    /** A yes/no answer is {@code true} or {@code false}: "yes", "on", "1" and 1 are refused, not read as false. */
    @Singleton
    @Primary
    public static final class YesNo implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
                throws IOException {
            JsonNode node = value(decoder);
            if (!node.isBoolean()) {
                throw new Refused(type, "must be true or false");
            }
            return node.getBooleanValue();
        }
    }

    /** A whole number is a JSON number without a fraction, within the type's range: 1.9 is not 1, "5" is not 5. */
    @Singleton
    @Primary
    public static final class WholeNumber implements Deserializer<Integer> {
        @Override
        public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            return whole(decoder, type, Integer.MIN_VALUE, Integer.MAX_VALUE).intValueExact();
        }
    }

    /** As {@link WholeNumber}, for amounts in pence and other long counts. */
    @Singleton
    @Primary
    public static final class LongWholeNumber implements Deserializer<Long> {
        @Override
        public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type)
                throws IOException {
            return whole(decoder, type, Long.MIN_VALUE, Long.MAX_VALUE).longValueExact();
        }
    }

    private static BigInteger whole(Decoder decoder, Argument<?> type, long min, long max) throws IOException {
        JsonNode node = value(decoder);
        if (!node.isNumber()) {
            throw new Refused(type, "must be a whole number");
        }
        BigDecimal number = node.getBigDecimalValue();
        if (number.stripTrailingZeros().scale() > 0) {
            throw new Refused(type, "must be a whole number");
        }
        BigInteger whole = number.toBigIntegerExact();
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new Refused(type, "must be a whole number");
        }
        return whole;
    }

    /**
     * A date is a string {@code yyyy-MM-dd} that is a real day between {@link #EARLIEST} and {@link #LATEST}: not a
     * number of days since 1970, not year 0 or a negative year, not 30 February, not a day before the Gregorian
     * calendar that Java and PostgreSQL would read back ten days apart.
     */
    @Singleton
    @Primary
    public static final class Date implements Deserializer<LocalDate> {
        @Override
        public LocalDate deserialize(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type)
                throws IOException {
            JsonNode node = value(decoder);
            if (!node.isString() || !ISO_DATE.matcher(node.getStringValue()).matches()) {
                throw new Refused(type, "must be a date");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(node.getStringValue());
            } catch (DateTimeParseException e) {
                throw new Refused(type, "must be a date");
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw new Refused(type, "must be a date");
            }
            return date;
        }
    }
}
