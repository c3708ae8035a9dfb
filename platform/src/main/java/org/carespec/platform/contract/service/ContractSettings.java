package org.carespec.platform.contract.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.errors.InvalidRequestException;
import org.carespec.platform.json.Json;
import org.carespec.platform.plugin.InstalledPlugin;

/** Checks a contract's settings against its module's schema and fills in the module's defaults. */
@Singleton
public class ContractSettings {

    /** @return the settings as JSON text, defaults filled in; or a 400 naming each wrong setting */
    public String validated(InstalledPlugin module, Map<String, Object> settings) {
        ObjectNode document = Json.toTree(settings);
        List<FieldError> errors = module.settingsSchema().applyDefaultsAndValidate(document, "settings");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return Json.write(document);
    }
}
