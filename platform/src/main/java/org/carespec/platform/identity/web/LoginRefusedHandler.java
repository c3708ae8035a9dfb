package org.carespec.platform.identity.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.carespec.platform.identity.service.LoginRefusedException;
import org.carespec.platform.web.Problem;
import org.carespec.platform.web.ProblemType;
import org.carespec.platform.web.Problems;

/** 401 for any failed login, with the same words whatever the reason. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class LoginRefusedHandler implements ExceptionHandler<LoginRefusedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, LoginRefusedException e) {
        return Problems.response(request, ProblemType.UNAUTHORIZED, e.getMessage(), List.of());
    }
}
