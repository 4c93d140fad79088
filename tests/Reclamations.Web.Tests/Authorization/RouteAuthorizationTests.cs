using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Authorization;

/// <summary>The authorisation matrix, generated from the app's own endpoints: every route states its rule (a policy, a
/// signed-in user, or anonymous from a short allow-list), nobody reaches a protected route without signing in, and the
/// role-restricted routes answer each role as DESIGN.md says.</summary>
public sealed class RouteAuthorizationTests : IClassFixture<RouteAuthorizationTests.Host>
{
    private readonly Host _host;

    public RouteAuthorizationTests(Host host) => _host = host;

    /// <summary>Routes open to anybody: signing in (its code step comes before the session exists), health, the pages shown
    /// before sign-in, the public complaint form and the complaint procedure (ACPR asks that clients can complain easily and
    /// find the procedure).</summary>
    private static readonly HashSet<string> AnonymousRoutes = new(StringComparer.Ordinal)
    {
        "POST /api/auth/login", "POST /api/auth/refresh", "GET /health/live", "GET /health/ready", "GET /connexion",
        "POST /connexion", "GET /connexion/code", "POST /connexion/code", "GET /acces-refuse", "POST /acces-refuse", "POST /health/live", "POST /health/ready",
        "GET /reclamation", "POST /reclamation", "GET /procedure-reclamation", "POST /procedure-reclamation",
    };

    [Fact]
    public void Every_route_states_its_rule_and_only_the_allow_list_is_anonymous()
    {
        foreach (var endpoint in Endpoints())
        {
            var name = endpoint.Name;
            if (endpoint.Anonymous && IsApiReferenceAsset(endpoint.Pattern)) continue;
            if (endpoint.Anonymous)
                AnonymousRoutes.Should().Contain(name, $"{name} is anonymous: add it to the allow-list only if it must be");
            else
                endpoint.Authorized.Should().BeTrue($"{name} must name its rule (RequireAuthorization / [Authorize] / a policy)");
        }
        Endpoints().Select(e => e.Name).Should().Contain(AnonymousRoutes, "the allow-list names real routes");
    }

    /// <summary>The scripts and icon of the API reference page (Scalar's own static files; the page itself needs sign-in).</summary>
    private static bool IsApiReferenceAsset(string pattern) =>
        pattern.StartsWith("/scalar/", StringComparison.Ordinal) && Path.GetExtension(pattern) is ".js" or ".svg" or ".css" or ".map";

    [Fact]
    public async Task Nobody_reaches_a_protected_route_without_signing_in()
    {
        using var anonymous = _host.Web.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var checkedRoutes = 0;
        foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl);
            if (endpoint.Method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var response = await anonymous.SendAsync(request);
            if (endpoint.SampleUrl.StartsWith("/api/", StringComparison.Ordinal) || endpoint.SampleUrl.StartsWith("/openapi", StringComparison.Ordinal))
                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, endpoint.Name);
            else
                response.Headers.Location?.AbsolutePath.Should().Be("/connexion", endpoint.Name);
            checkedRoutes++;
        }
        checkedRoutes.Should().BeGreaterThan(40, "the API and the pages are all checked");
    }

    public static TheoryData<string, string, string, HttpStatusCode> RoleMatrix()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode>();
        var allRoles = new[] { "ProcessOwner", "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner", "Admin" };
        void Route(string method, string url, HttpStatusCode allowed, params string[] roles)
        {
            foreach (var role in allRoles)
                data.Add(role, method, url, roles.Contains(role) ? allowed : HttpStatusCode.Forbidden);
        }
        var unknown = Guid.NewGuid();
        // Deploying: the process owner and the administrator (an empty body is then a 400).
        Route("POST", "/api/engine/deployments", HttpStatusCode.BadRequest, "ProcessOwner", "Admin");
        // Editing a deadline profile: the same (a body naming another profile is then a 400).
        Route("PUT", "/api/profiles/FR-ACPR", HttpStatusCode.BadRequest, "ProcessOwner", "Admin");
        // The letters' settings (firm identity, recourse bodies): the same (an empty body is then a 400 naming the fields).
        Route("GET", "/api/settings/firm", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("PUT", "/api/settings/firm", HttpStatusCode.BadRequest, "ProcessOwner", "Admin");
        Route("GET", "/api/settings/recourse", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("PUT", "/api/settings/recourse", HttpStatusCode.BadRequest, "ProcessOwner", "Admin");
        // The studio's designer: its pages, drafts and the engine's validation (a body that is not BPMN is then a 400).
        Route("GET", "/studio", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/studio/processus/complaint-handling", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("POST", "/api/studio/validate", HttpStatusCode.UnsupportedMediaType, "ProcessOwner", "Admin"); // a JSON body, not BPMN
        Route("GET", "/api/studio/handlers", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/api/studio/drafts", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("POST", "/api/studio/drafts", HttpStatusCode.UnsupportedMediaType, "ProcessOwner", "Admin"); // a JSON body, not BPMN
        Route("DELETE", $"/api/studio/drafts/{unknown}", HttpStatusCode.NotFound, "ProcessOwner", "Admin");
        Route("GET", $"/api/studio/drafts/{unknown}", HttpStatusCode.NotFound, "ProcessOwner", "Admin");
        Route("GET", $"/api/studio/drafts/{unknown}/xml", HttpStatusCode.NotFound, "ProcessOwner", "Admin");
        // The studio's settings, version diff and migration screen: the process owner and the administrator.
        Route("GET", "/studio/parametres", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/studio/parametres?profil=FR-ACPR", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("POST", "/studio/parametres?handler=Smtp", HttpStatusCode.BadRequest, "ProcessOwner", "Admin"); // no antiforgery token
        Route("GET", "/studio/processus/complaint-handling/diff", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/studio/processus/complaint-handling/migration", HttpStatusCode.OK, "ProcessOwner", "Admin");
        // The studio's letter templates and the letters' settings pages: the same (an empty body is then a 400 naming the problem;
        // an unknown template a 404).
        Route("GET", "/api/studio/templates", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/api/studio/templates/accuse-reception", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("PUT", "/api/studio/templates/accuse-reception", HttpStatusCode.BadRequest, "ProcessOwner", "Admin");
        Route("POST", "/api/studio/templates/accuse-reception/validate", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("POST", "/api/studio/templates/accuse-reception/preview", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/api/studio/templates/accuse-reception/versions", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/api/studio/templates/accuse-reception/versions/0", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/api/studio/templates/accuse-reception/diff?from=0&to=0", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/api/studio/templates/inconnu", HttpStatusCode.NotFound, "ProcessOwner", "Admin");
        Route("GET", "/studio/courriers", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/studio/courriers/_partials.letterhead", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", "/studio/parametres/cabinet", HttpStatusCode.OK, "ProcessOwner", "Admin");
        // The complaints API (personal data): the roles that handle complaints.
        Route("GET", "/api/complaints", HttpStatusCode.OK, "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        Route("GET", $"/api/complaints/{unknown}", HttpStatusCode.NotFound, "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        Route("POST", $"/api/complaints/{unknown}/dates", HttpStatusCode.NotFound, "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        // Referrals and reopening: Staff and the complaints officer record them; every complaint handler reads the referrals.
        Route("GET", $"/api/complaints/{unknown}/referrals", HttpStatusCode.NotFound, "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        Route("POST", $"/api/complaints/{unknown}/referrals", HttpStatusCode.NotFound, "ComplaintsOfficer", "Staff");
        Route("POST", $"/api/complaints/{unknown}/referrals/{unknown}/answer", HttpStatusCode.NotFound, "ComplaintsOfficer", "Staff");
        Route("POST", $"/api/complaints/{unknown}/reopen", HttpStatusCode.NotFound, "ComplaintsOfficer", "Staff");
        // The categories: read by any signed-in user, edited by the administrator (an empty body is a 400 naming the fields).
        Route("GET", "/api/categories", HttpStatusCode.OK, allRoles);
        Route("POST", "/api/categories", HttpStatusCode.BadRequest, "Admin");
        Route("PUT", "/api/categories/unknown-category", HttpStatusCode.NotFound, "Admin");
        Route("DELETE", "/api/categories/unknown-category", HttpStatusCode.NotFound, "Admin");
        Route("GET", "/api/categories/history", HttpStatusCode.OK, "Admin");
        Route("GET", "/admin/categories", HttpStatusCode.OK, "Admin");
        // Operator tools: the operators (Admin), checked by the engine before the instance is looked up.
        Route("POST", $"/api/engine/process-instances/{unknown}/cancel", HttpStatusCode.BadRequest, "Admin"); // no reason given
        Route("POST", $"/api/engine/jobs/{unknown}/retry", HttpStatusCode.NotFound, "Admin");
        // Migrating instances between versions: the operators (an empty plan request is then a 400).
        Route("POST", "/api/engine/migration/generate", HttpStatusCode.BadRequest, "Admin");
        Route("POST", "/api/engine/migration/execute", HttpStatusCode.BadRequest, "Admin");
        // The register page and its export: complaint handlers, and the process owner (personal data masked).
        Route("GET", "/registre", HttpStatusCode.OK, "ProcessOwner", "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        Route("GET", "/registre/export.csv", HttpStatusCode.OK, "ProcessOwner", "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        // The dashboard and its figures: the complaints officer, Direction, the process owner, the administrator.
        Route("GET", "/tableau-de-bord", HttpStatusCode.OK, "ComplaintsOfficer", "Direction", "ProcessOwner", "Admin");
        Route("GET", "/api/reports/dashboard", HttpStatusCode.OK, "ComplaintsOfficer", "Direction", "ProcessOwner", "Admin");
        // Users and roles: the administrator. Intake: the roles that handle complaints.
        Route("GET", "/admin/utilisateurs", HttpStatusCode.OK, "Admin");
        Route("GET", "/courriers", HttpStatusCode.OK, "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        Route("GET", "/reclamations/nouvelle", HttpStatusCode.OK, "ComplaintsOfficer", "Staff", "Reviewer", "Direction", "LegalPartner");
        // Trust and retention: the audit chain's verification, legal holds and the right of access are for the person
        // responsible for complaints and the administrator; the inspector's export for those and Direction; running the
        // retention now for the operators.
        Route("GET", "/api/audit/verify", HttpStatusCode.OK, "ComplaintsOfficer", "Admin");
        Route("PUT", $"/api/complaints/{unknown}/legal-hold", HttpStatusCode.BadRequest, "ComplaintsOfficer", "Admin"); // no reason
        Route("GET", "/api/compliance/access-export", HttpStatusCode.BadRequest, "ComplaintsOfficer", "Admin"); // no email nor name
        Route("GET", $"/api/complaints/{unknown}/inspector-export", HttpStatusCode.NotFound, "ComplaintsOfficer", "Direction", "Admin");
        Route("POST", "/api/retention/run", HttpStatusCode.OK, "Admin");
        // The studio's simulation: the process owner and the administrator (a sandbox nobody owns is a 404).
        Route("GET", "/studio/simulation", HttpStatusCode.OK, "ProcessOwner", "Admin");
        Route("GET", $"/studio/simulation?id={unknown}", HttpStatusCode.NotFound, "ProcessOwner", "Admin");
        Route("GET", $"/studio/simulation?handler=Xml&id={unknown}", HttpStatusCode.NotFound, "ProcessOwner", "Admin");
        // The reports (figures only): the complaints officer, Direction, the process owner and the administrator; the analysis
        // text for the complaints officer (an empty body is a 400 naming the year).
        string[] reporters = ["ComplaintsOfficer", "Direction", "ProcessOwner", "Admin"];
        Route("GET", "/api/reports/annual", HttpStatusCode.OK, reporters);
        Route("GET", "/api/reports/annual/documents", HttpStatusCode.OK, reporters);
        Route("GET", "/api/reports/insurers", HttpStatusCode.OK, reporters);
        Route("GET", "/api/reports/annual/charts/par-mois.png", HttpStatusCode.OK, reporters);
        Route("GET", "/api/reports/annual.pdf", HttpStatusCode.OK, reporters);
        Route("GET", "/api/reports/annual/caa.pdf", HttpStatusCode.OK, reporters);
        Route("GET", "/api/reports/annual.xlsx", HttpStatusCode.OK, reporters);
        Route("GET", $"/api/reports/annual/documents/{unknown}", HttpStatusCode.NotFound, reporters);
        Route("GET", "/api/reports/annual/analysis", HttpStatusCode.OK, reporters);
        Route("PUT", "/api/reports/annual/analysis", HttpStatusCode.BadRequest, "ComplaintsOfficer");
        Route("GET", "/rapports", HttpStatusCode.OK, reporters);
        Route("GET", "/rapports/synthese-annuelle", HttpStatusCode.OK, reporters);
        // Root causes: the list read by any signed-in user, edited by the complaints officer and Admin; a complaint's causes
        // by the complaints officer; the recurring causes for the complaints officer and Direction.
        Route("GET", "/api/root-causes", HttpStatusCode.OK, allRoles);
        Route("POST", "/api/root-causes", HttpStatusCode.BadRequest, "ComplaintsOfficer", "Admin");
        Route("GET", "/api/root-causes/history", HttpStatusCode.OK, "ComplaintsOfficer", "Admin");
        Route("GET", "/analyse-des-causes/causes", HttpStatusCode.OK, "ComplaintsOfficer", "Admin");
        Route("PUT", $"/api/complaints/{unknown}/root-causes", HttpStatusCode.BadRequest, "ComplaintsOfficer"); // no list given
        Route("GET", "/api/root-causes/analysis", HttpStatusCode.OK, "ComplaintsOfficer", "Direction");
        Route("GET", "/analyse-des-causes", HttpStatusCode.OK, "ComplaintsOfficer", "Direction");
        // Any signed-in user: the inbox, the profiles, the process definitions.
        Route("GET", "/", HttpStatusCode.OK, allRoles);
        Route("GET", "/api/profiles", HttpStatusCode.OK, allRoles);
        // Every signed-in user's account security (two-factor sign-in).
        Route("GET", "/compte/double-authentification", HttpStatusCode.OK, allRoles);
        // One's own notification choice (the task digest): any signed-in user, for themselves.
        Route("GET", "/compte/notifications", HttpStatusCode.OK, allRoles);
        return data;
    }

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task Each_role_gets_what_its_rule_gives(string role, string method, string url, HttpStatusCode expected)
    {
        var client = _host.Web.ClientAs($"user-{role.ToLowerInvariant()}", role);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        if (url.EndsWith("/deployments", StringComparison.Ordinal)) request.Content = new StringContent("", Encoding.UTF8, "application/xml");

        var response = await client.SendAsync(request);

        var status = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/acces-refuse"
            ? HttpStatusCode.Forbidden
            : response.StatusCode;
        status.Should().Be(expected, $"{role} {method} {url}: {await response.Content.ReadAsStringAsync()}");
    }

    private IEnumerable<RouteInfo> Endpoints() =>
        _host.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(RouteInfo.From);

    private sealed record RouteInfo(string Method, string Pattern, bool Anonymous, bool Authorized)
    {
        public string Name => $"{Method} {Pattern}";

        /// <summary>The route with sample values in its parameters (ids that exist nowhere, a word for the rest).</summary>
        public string SampleUrl => System.Text.RegularExpressions.Regex.Replace(Pattern, @"\{([^}:]+)(:[^}]+)?\}",
            m => m.Groups[2].Value.Contains("guid") ? Guid.NewGuid().ToString() : "sample");

        public static IEnumerable<RouteInfo> From(RouteEndpoint endpoint)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorized = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any()
                             || endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Any();
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            return methods.Where(m => m != "HEAD" && m != "OPTIONS").Select(m => new RouteInfo(m, pattern, anonymous, authorized));
        }
    }

    /// <summary>One app for the whole matrix (Testing environment, manual clock, the real workflows).</summary>
    public sealed class Host : IDisposable
    {
        public WebHost Web { get; } = WebHost.WithRealWorkflows();

        public void Dispose() => Web.DisposeAndDelete();
    }
}
