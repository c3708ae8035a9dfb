package org.carespec.platform.person.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.carespec.platform.idempotency.Idempotency;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.person.service.PersonChange;
import org.carespec.platform.person.service.PersonCommand;
import org.carespec.platform.person.service.PersonListItem;
import org.carespec.platform.person.service.PersonService;
import org.carespec.platform.person.service.PersonView;
import org.carespec.platform.person.service.RelationshipCommand;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.plugin.api.RoleNames;

/** People the caller's provider organisation works with. Case work: provider staff only. */
@Tag(name = "people")
@ProblemResponses.SignedIn
@Controller("/api/v1/persons")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER})
public class PersonController {

    private final PersonService people;

    public PersonController(PersonService people) {
        this.people = people;
    }

    @Operation(operationId = "createPerson", summary = "Create a person")
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @RequestBody(required = true,
            description = "The person; only the names are required.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "carer",
                    summary = "A carer with the details a practitioner usually has",
                    value = """
                    {
                      "givenName": "Gita",
                      "familyName": "Shah",
                      "dateOfBirth": "1966-07-07",
                      "nhsNumber": "9434765919",
                      "postcode": "HD5 8AA",
                      "phone": "01484 000000",
                      "preferredLanguage": "English",
                      "interpreterNeeded": false
                    }""")}))
    @Post
    public HttpResponse<PersonView> create(@Body @Valid PersonCommand command,
                                           @Nullable @Header(Idempotency.HEADER) String idempotencyKey) {
        PersonView person = people.create(command, idempotencyKey);
        return HttpResponse.created(person, URI.create("/api/v1/persons/" + person.id()));
    }

    /** People by name ({@code ?name=smi}); volunteers may list names to record attendance. */
    @Operation(operationId = "listPersons", summary = "List people")
    @Get
    @Secured({RoleNames.PROVIDER_MANAGER, RoleNames.PRACTITIONER, RoleNames.VOLUNTEER})
    public Page<PersonListItem> list(@QueryValue @Nullable @Size(max = 100) String name,
                                     @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return people.list(name, PageRequest.of(page, size));
    }

    @Operation(operationId = "getPerson", summary = "Read a person")
    @ProblemResponses.NotFound
    @Get("/{id}")
    public PersonView get(UUID id) {
        return people.get(id);
    }

    @Operation(operationId = "updatePerson", summary = "Change a person's details")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Patch("/{id}")
    public PersonView update(UUID id, @Body @Valid PersonChange change) {
        return people.update(id, change);
    }

    @Operation(operationId = "relatePersons", summary = "Record a relationship between two people")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @Post("/{id}/relationships")
    public HttpResponse<PersonView> relate(UUID id, @Body @Valid RelationshipCommand command) {
        return HttpResponse.created(people.relate(id, command), URI.create("/api/v1/persons/" + id));
    }
}
