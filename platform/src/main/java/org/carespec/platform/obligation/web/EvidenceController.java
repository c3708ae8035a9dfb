package org.carespec.platform.obligation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carespec.platform.errors.FieldError;
import org.carespec.platform.obligation.domain.EvidenceFile;
import org.carespec.platform.obligation.service.EvidenceService;
import org.carespec.platform.obligation.service.EvidenceView;
import org.carespec.platform.paging.Page;
import org.carespec.platform.paging.PageRequest;
import org.carespec.platform.web.Problem;
import org.carespec.platform.web.ProblemResponses;
import org.carespec.platform.web.ProblemType;
import org.carespec.platform.web.Problems;
import org.carespec.plugin.api.RoleNames;

/**
 * Evidence files on an obligation occurrence. Upload is the file itself as the request body, its type in
 * {@code Content-Type} and its name in {@code ?filename=}:
 * {@code curl --data-binary @eia.pdf -H 'Content-Type: application/pdf' '…/evidence?filename=eia.pdf'}. Up to 10 MiB
 * (the one route with more than the API's 1 MiB, {@code RequestSizeFilter}); PDF, PNG, JPEG, text, CSV, Word,
 * Excel and OpenDocument files, checked against their content ({@link EvidenceFile}).
 */
@Tag(name = "obligations")
@ProblemResponses.SignedIn
@Controller("/api/v1/contracts/{contractId}/obligations/{code}/{occurrence}/evidence")
@Secured({RoleNames.PROVIDER_MANAGER, RoleNames.COMMISSIONER, RoleNames.TENANT_ADMIN})
public class EvidenceController {

    static final String CODE = "^[a-z0-9-]{1,64}$";
    static final String OCCURRENCE = "^[A-Za-z0-9-]{1,40}$";

    private final EvidenceService evidence;

    public EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Operation(operationId = "attachEvidence", summary = "Attach evidence to an obligation")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "The evidence was kept.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvidenceView.class)))
    @ApiResponse(responseCode = "413", description = "The file is larger than 10 MiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "The content is not one of the accepted file types.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(description = "The file itself, with its own Content-Type.", required = true,
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @Post(consumes = MediaType.ALL)
    @Secured(RoleNames.PROVIDER_MANAGER)
    public HttpResponse<?> attach(HttpRequest<?> request, UUID contractId,
                                  @Pattern(regexp = CODE, message = "must be an obligation code") String code,
                                  @Pattern(regexp = OCCURRENCE, message = "must be an occurrence") String occurrence,
                                  @Nullable @QueryValue String filename,
                                  @Nullable @Header("Content-Type") String contentType,
                                  @Nullable @Body byte[] content) {
        Optional<EvidenceFile.Refusal> refusal = EvidenceFile.check(filename, contentType, content);
        if (refusal.isPresent()) {
            EvidenceFile.Refusal r = refusal.get();
            ProblemType type = r.tooLarge() ? ProblemType.TOO_LARGE
                    : r.wrongType() ? ProblemType.UNSUPPORTED_MEDIA_TYPE : ProblemType.INVALID_REQUEST;
            return Problems.response(request, type, r.field() + ": " + r.detail(),
                    List.of(new FieldError(r.field(), r.detail())));
        }
        return HttpResponse.status(HttpStatus.CREATED).body(evidence.attach(contractId, code, occurrence, filename,
                content));
    }

    @Operation(operationId = "listEvidence", summary = "List an obligation's evidence")
    @ProblemResponses.NotFound
    @Get
    public Page<EvidenceView> list(UUID contractId, @Pattern(regexp = CODE, message = "must be an obligation code")
                                   String code, @Pattern(regexp = OCCURRENCE, message = "must be an occurrence")
                                   String occurrence, @QueryValue @Nullable Integer page,
                                   @QueryValue @Nullable Integer size) {
        return Page.slice(evidence.list(contractId, code, occurrence), PageRequest.of(page, size));
    }

    @Operation(operationId = "downloadEvidence", summary = "Download an evidence file")
    @ProblemResponses.NotFound
    @Get(uri = "/{id}", produces = MediaType.ALL)
    public HttpResponse<byte[]> download(UUID contractId,
                                         @Pattern(regexp = CODE, message = "must be an obligation code") String code,
                                         @Pattern(regexp = OCCURRENCE, message = "must be an occurrence")
                                         String occurrence, UUID id) {
        EvidenceService.Download file = evidence.download(contractId, code, occurrence, id);
        return HttpResponse.ok(file.content())
                .contentType(file.view().contentType())
                .header("Content-Disposition", disposition(file.view().filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Operation(operationId = "removeEvidence", summary = "Remove an evidence file")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Status(HttpStatus.NO_CONTENT)
    @Delete("/{id}")
    @Secured(RoleNames.PROVIDER_MANAGER)
    public HttpResponse<Void> remove(UUID contractId,
                                     @Pattern(regexp = CODE, message = "must be an obligation code") String code,
                                     @Pattern(regexp = OCCURRENCE, message = "must be an occurrence") String occurrence,
                                     UUID id) {
        evidence.remove(contractId, code, occurrence, id);
        return HttpResponse.noContent();
    }

    /** Always an attachment, never shown inline; the name in ASCII and, exactly, in RFC 5987 form. */
    static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
