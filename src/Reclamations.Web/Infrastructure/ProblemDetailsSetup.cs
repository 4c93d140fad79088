using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Runtime;

namespace Reclamations.Web.Infrastructure;

/// <summary>Engine errors become RFC 9457 problem details: 403 forbidden, 404 not found, 409 conflict, 400 invalid form / BPMN /
/// refusal (with the offending fields or elements listed), 422 a process that cannot go on as modelled.</summary>
public static class ProblemDetailsSetup
{
    public static WebApplicationBuilder AddProblemDetailsForEngineErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<EngineExceptionHandler>();
        return builder;
    }

    private sealed class EngineExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            var problem = ToProblem(exception);
            if (problem is null) return false;
            context.Response.StatusCode = problem.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
        }
    }

    public static ProblemDetails? ToProblem(Exception exception)
    {
        switch (exception)
        {
            case BpmnValidationException bpmn:
                var invalid = Problem(400, "Invalid BPMN", bpmn.Message);
                invalid.Extensions["errors"] = bpmn.Errors.Select(e => new { elementId = e.ElementId, message = e.Message }).ToList();
                return invalid;
            case FormValidationException form:
                var formProblem = Problem(400, "Invalid form", form.Message);
                formProblem.Extensions["errors"] = form.Errors.Select(e => new { field = e.FieldId, message = e.Message }).ToList();
                return formProblem;
            case RejectedException rejected:
                return Problem(400, "Refused", rejected.Message);
            case ForbiddenException forbidden:
                return Problem(403, "Forbidden", forbidden.Message);
            case NotFoundException notFound:
                return Problem(404, "Not found", notFound.Message);
            case ConflictException conflict:
                return Problem(409, "Conflict", conflict.Message);
            case StepBudgetExceededException budget:
                var runaway = Problem(422, "The process cannot go on", budget.Message);
                runaway.Extensions["elementId"] = budget.ElementId;
                runaway.Extensions["processDefinitionKey"] = budget.ProcessDefinitionKey;
                return runaway;
            case ProcessEngineException engine:
                return Problem(422, "The process cannot go on", engine.Message);
            case RegisterValidationException register:
                return Invalid(register.Message, register.Errors);
            case DeadlineProfileValidationException profile:
                return Invalid(profile.Message, profile.Errors);
            case ComplaintNotFoundException or DocumentNotFoundException or DeadlineProfileNotFoundException:
                return Problem(404, "Not found", exception.Message);
            case ComplaintConflictException or CategoryInUseException:
                return Problem(409, "Conflict", exception.Message);
            case DocumentTooLargeException:
                return Problem(413, "Document too large", exception.Message);
            case DocumentIntegrityException:
                return Problem(500, "Document altered", exception.Message);
            case BadHttpRequestException bad:
                return Problem(400, "Bad request", bad.Message);
            default:
                return null;
        }
    }

    private static ProblemDetails Invalid(string detail, IEnumerable<FieldError> errors)
    {
        var problem = Problem(400, "Invalid input", detail);
        problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToList();
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
