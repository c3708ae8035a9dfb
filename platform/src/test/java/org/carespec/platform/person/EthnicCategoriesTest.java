package org.carespec.platform.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.carespec.platform.person.domain.Equality;
import org.junit.jupiter.api.Test;

/** The ethnic categories the pages offer are exactly the NHS codes the API accepts, no more and no fewer. */
class EthnicCategoriesTest {

    @Test
    void everyOfferedCodeIsOneTheApiAcceptsAndEveryAcceptedCodeIsOffered() throws Exception {
        String accepted = Equality.class.getDeclaredField("ethnicity").getAnnotation(Pattern.class).regexp();
        List<String> allCodes = List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R",
                "S", "Z", "99");
        assertEquals(allCodes, List.copyOf(Equality.ETHNIC_CATEGORIES.keySet()));
        for (String code : allCodes) {
            assertTrue(code.matches(accepted), code + " against " + accepted);
        }
        for (String refused : List.of("I", "O", "Q", "T", "98", "")) {
            assertTrue(!refused.matches(accepted) && !Equality.ETHNIC_CATEGORIES.containsKey(refused), refused);
        }
    }
}
