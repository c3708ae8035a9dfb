#!/usr/bin/env bash
# Scaffolds a new specification module, wired into the build, that compiles, boots and passes its tests as made:
#
#   modules/new-module.sh <id> "<Service name>" <seed number>      e.g.  modules/new-module.sh me-support "Dorset ME Support Group" 000
#
# It writes modules/<id>/ (the plugin class, its sections, a settings schema with a default, a referral form with an
# example, a record type, code lists, a clock read from a setting, a KPI, one rule unit test on the plugin test kit and
# one API test against real PostgreSQL) and adds the module to the root pom and to deploy/pom.xml. Then:
#   ./mvnw -B -pl modules/<id> -am verify          # its tests
#   ./deploy/run.sh                                 # the platform with it installed
# Read docs/plugin-guide.md next; replace each TODO with your specification's rule and its § reference.
set -euo pipefail
cd "$(dirname "$0")/.."
id=${1:?usage: modules/new-module.sh <id> "<Service name>" <seed number>}
name=${2:?give the service name}
seed=${3:?give the seed (specification) number, e.g. 000}
if ! [[ $id =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || [ ${#id} -gt 40 ]; then
  echo "The id must be lower-case words joined by hyphens, at most 40 characters: $id" >&2; exit 2
fi
if [ -e "modules/$id" ]; then echo "modules/$id already exists" >&2; exit 2; fi
pkg=${id//-/}
camel=$(echo "$id" | awk -F- '{for (i = 1; i <= NF; i++) printf "%s%s", toupper(substr($i, 1, 1)), substr($i, 2)}')
java_name=${name//\"/\\\"}
base=modules/$id
src=$base/src/main/java/org/carespec/module/$pkg
test=$base/src/test/java/org/carespec/module/$pkg
mkdir -p "$src" "$test" "$base/src/main/resources/META-INF/services" "$base/src/main/resources/$id/forms" \
  "$base/src/main/resources/$id/records"

cat > "$base/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.carespec</groupId>
    <artifactId>carespec-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
    <relativePath>../../pom.xml</relativePath>
  </parent>
  <artifactId>carespec-module-$id</artifactId>
  <name>Carespec module: $name (seed $seed)</name>

  <dependencies>
    <!-- A module depends on plugin-api only. -->
    <dependency>
      <groupId>org.carespec</groupId>
      <artifactId>carespec-plugin-api</artifactId>
    </dependency>

    <!-- Tests run the module inside the real platform against real PostgreSQL, with the platform's test kit. -->
    <dependency><groupId>org.carespec</groupId><artifactId>carespec-platform</artifactId><scope>test</scope></dependency>
    <dependency><groupId>org.carespec</groupId><artifactId>carespec-platform</artifactId><type>test-jar</type><scope>test</scope></dependency>
    <dependency><groupId>com.atlassian.oai</groupId><artifactId>swagger-request-validator-core</artifactId><version>\${swagger-request-validator.version}</version><scope>test</scope></dependency>
    <dependency><groupId>io.micronaut.test</groupId><artifactId>micronaut-test-junit5</artifactId><scope>test</scope></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
    <dependency><groupId>io.micronaut</groupId><artifactId>micronaut-http-client</artifactId><scope>test</scope></dependency>
    <dependency><groupId>org.testcontainers</groupId><artifactId>postgresql</artifactId><scope>test</scope></dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.pitest</groupId>
        <artifactId>pitest-maven</artifactId>
        <configuration>
          <targetClasses><param>org.carespec.module.$pkg.*Rules*</param></targetClasses>
          <targetTests><param>org.carespec.module.$pkg.${camel}RulesTest</param></targetTests>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF

cat > "$src/Sections.java" <<EOF
package org.carespec.module.$pkg;

import org.carespec.plugin.api.SpecReference;

/** The sections of specification $seed this module implements, cited by every declaration. TODO: the real ones. */
final class Sections {

    static final SpecReference REFERRALS = SpecReference.of("$seed", "§3.2");
    static final SpecReference RESPONSE = SpecReference.of("$seed", "§3.2");
    static final SpecReference RECORDS = SpecReference.of("$seed", "§3.2");
    static final SpecReference RETURN = SpecReference.of("$seed", "§5");

    private Sections() {
    }
}
EOF

cat > "$src/${camel}Rules.java" <<EOF
package org.carespec.module.$pkg;

import java.util.Optional;
import org.carespec.plugin.api.rules.Priority;
import org.carespec.plugin.api.rules.PriorityRule;
import org.carespec.plugin.api.rules.PriorityVerdict;
import org.carespec.plugin.api.rules.ReferralFacts;

/**
 * The rules of the specification, each with the words of its section. TODO: the specification's own. Keep each
 * rule's logic in a method (not a lambda in the field): mutation testing skips code that runs in static initialisers.
 */
final class ${camel}Rules {

    /** TODO ($seed §3.2): "Priority is given to those in crisis". */
    static final PriorityRule CRISIS = PriorityRule.of("crisis", Sections.RESPONSE, ${camel}Rules::crisis);

    private ${camel}Rules() {
    }

    static Optional<PriorityVerdict> crisis(ReferralFacts facts) {
        return facts.data().isTrue("/crisis")
                ? Optional.of(new PriorityVerdict(Priority.HIGH, "The person is in crisis."))
                : Optional.empty();
    }
}
EOF

cat > "$src/${camel}Plugin.java" <<EOF
package org.carespec.module.$pkg;

import org.carespec.plugin.api.CarespecPlugin;
import org.carespec.plugin.api.Contributions;
import org.carespec.plugin.api.JsonSchema;
import org.carespec.plugin.api.PluginDescriptor;
import org.carespec.plugin.api.ReferralEventType;
import org.carespec.plugin.api.Specification;
import org.carespec.plugin.api.clock.ClockDefinition;
import org.carespec.plugin.api.clock.Deadline;
import org.carespec.plugin.api.clock.Milestone;
import org.carespec.plugin.api.codes.CodeList;
import org.carespec.plugin.api.codes.CodeLists;
import org.carespec.plugin.api.form.ReferralForm;
import org.carespec.plugin.api.kpi.Breakdown;
import org.carespec.plugin.api.kpi.KpiComputation;
import org.carespec.plugin.api.kpi.KpiDefinition;
import org.carespec.plugin.api.kpi.KpiUnit;
import org.carespec.plugin.api.record.RecordType;
import org.carespec.plugin.api.record.Subject;

/** $java_name (specification $seed): declarations and rules; the platform does the rest. */
public final class ${camel}Plugin implements CarespecPlugin {

    public static final String ID = "$id";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "$java_name", "0.1.0", "[2.2,3.0)",
                new Specification("TODO", "$java_name", "TODO: the commissioner", "$seed"));
    }

    @Override
    public void contribute(Contributions c) {
        c.settings(JsonSchema.fromResource(${camel}Plugin.class, "/$id/settings.schema.json"))
                .codeList(CodeList.builder(CodeLists.REFERRAL_SOURCE, "Referral sources", Sections.REFERRALS)
                        .add("SELF", "Self-referral").add("GP", "GP").build())
                .codeList(CodeList.builder(CodeLists.DECLINE_REASON, "Why a referral is not accepted",
                        Sections.REFERRALS).add("NOT_ELIGIBLE", "Does not meet the criteria").build())
                .referralForm(ReferralForm.of("referral", 1, "Referral",
                        JsonSchema.fromResource(${camel}Plugin.class, "/$id/forms/referral.schema.json"),
                        Sections.REFERRALS))
                .recordType(RecordType.of("contact-note", 1, "Contact note", Subject.PERSON,
                        JsonSchema.fromResource(${camel}Plugin.class, "/$id/records/contact-note.schema.json"),
                        Sections.RECORDS).withSensitiveFields("note"))
                .priorityRule(${camel}Rules.CRISIS)
                // TODO ($seed §3.2): "contacted ... within 7 days of receipt of referral"
                .clock(ClockDefinition.of("first-contact", "First contact", Sections.RESPONSE, Milestone.received(),
                        Milestone.event(ReferralEventType.CONTACTED),
                        Deadline.workingDays(5).variableAt("/firstContactWorkingDays")))
                .kpi(KpiDefinition.quarterly("R1", "Referrals received, by source", Sections.RETURN, KpiUnit.COUNT,
                        KpiComputation.sql("""
                                select case when grouping(source) = 0 then 'source' end as dimension,
                                       source as category, count(*) as value
                                from reporting.referral
                                where received_on >= :period_start and received_on < :period_end
                                group by rollup (source)"""), new Breakdown("source", "Source")));
    }
}
EOF

echo "org.carespec.module.$pkg.${camel}Plugin" > "$base/src/main/resources/META-INF/services/org.carespec.plugin.api.CarespecPlugin"

cat > "$base/src/main/resources/$id/settings.schema.json" <<EOF
{
  "\$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "firstContactWorkingDays": {
      "type": "integer", "minimum": 1, "maximum": 30, "default": 5,
      "description": "Working days to first contact ($seed §3.2); a commissioner may vary it per contract."
    }
  }
}
EOF

cat > "$base/src/main/resources/$id/forms/referral.schema.json" <<EOF
{
  "\$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "reason": {"type": "string", "maxLength": 2000},
    "crisis": {"type": "boolean"}
  },
  "examples": [{"reason": "Struggling to manage day to day", "crisis": false}]
}
EOF

cat > "$base/src/main/resources/$id/records/contact-note.schema.json" <<EOF
{
  "\$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "required": ["summary"],
  "properties": {
    "summary": {"type": "string", "maxLength": 500},
    "note": {"type": "string", "maxLength": 4000}
  },
  "examples": [{"summary": "Phoned to arrange a first visit", "note": "Prefers afternoons"}]
}
EOF

cat > "$test/${camel}RulesTest.java" <<EOF
package org.carespec.module.$pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.carespec.platform.test.kit.Facts;
import org.carespec.platform.test.kit.Modules;
import org.carespec.plugin.api.rules.Priority;
import org.junit.jupiter.api.Test;

/** The module's rules, without a database: the plugin test kit builds what the platform would give them. */
class ${camel}RulesTest {

    @Test
    void theModuleInstallsAsThePlatformWouldInstallIt() {
        assertEquals(${camel}Plugin.ID, Modules.install(new ${camel}Plugin()).id());
    }

    @Test
    void aCrisisComesFirst() {
        assertEquals(Priority.HIGH, ${camel}Rules.CRISIS.evaluate(Facts.referral("2026-05-04")
                .data(Map.of("crisis", true)).build()).orElseThrow().priority());
        assertEquals(Optional.empty(), ${camel}Rules.CRISIS.evaluate(Facts.referral("2026-05-04").build()));
    }
}
EOF

cat > "$test/${camel}ReturnTest.java" <<EOF
package org.carespec.module.$pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.carespec.platform.test.Api;
import org.carespec.platform.test.Casework;
import org.carespec.platform.test.IntegrationTest;
import org.carespec.platform.test.ReturnLines;
import org.carespec.platform.test.TestTenant;
import org.carespec.plugin.api.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module inside the real platform, through its API, against real PostgreSQL: a referral, its clock, the return. */
@MicronautTest(transactional = false)
class ${camel}ReturnTest extends IntegrationTest {

    @Inject
    EmbeddedServer server;

    Api api;
    TestTenant tenant;
    Casework work;

    @BeforeAll
    void aContract() {
        api = new Api(server);
        tenant = TestTenant.create(api);
        work = Casework.practitioner(api, tenant, ${camel}Plugin.ID, Map.of("firstContactWorkingDays", 3));
    }

    @Test
    void aReferralStartsItsClockAndCountsInTheReturn() {
        String person = work.person("Pat", "Example", "1980-01-01", null);
        // received Tuesday 5 May 2026: working days 1 to 3 are Wednesday 6, Thursday 7 and Friday 8 May
        JsonNode referral = work.refer(person, "2026-05-05T10:00:00", "GP", Map.of("crisis", true), null).expect(201)
                .json();
        assertEquals("HIGH", referral.path("priority").asText());
        assertEquals("2026-05-08", Casework.clock(referral, "first-contact").path("dueDate").asText());
        api.post("/api/v1/contracts/" + work.contract + "/records/contact-note", work.token, Map.of("personId", person,
                "data", Map.of("summary", "Phoned", "note", "Prefers afternoons"))).expect(201);
        ReturnLines q1 = new ReturnLines(api.get("/api/v1/contracts/" + work.contract + "/returns/2026-27-Q1",
                tenant.token(Role.PROVIDER_MANAGER)).expect(200).json());
        assertEquals(1, q1.value("R1"));
        assertEquals(Map.of("source/GP", 1), q1.cells("R1"));
    }
}
EOF

# wire it into the build and the distribution
python3 - "$id" <<'EOF'
import sys, re
mid = sys.argv[1]
p = 'pom.xml'
s = open(p).read()
line = '    <module>modules/carers-options</module>\n'
s = s.replace(line, line + '    <module>modules/%s</module>\n' % mid, 1)
open(p, 'w').write(s)
p = 'deploy/pom.xml'
s = open(p).read()
dep = re.search(r'    <dependency><groupId>org.carespec</groupId><artifactId>carespec-module-carers-options</artifactId>.*\n', s).group(0)
s = s.replace(dep, dep + dep.replace('carers-options', mid), 1)
open(p, 'w').write(s)
EOF
echo "Made $base and added it to pom.xml and deploy/pom.xml. Next: ./mvnw -B -pl $base -am verify"
