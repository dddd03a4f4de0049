using System.Globalization;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Administration;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Proposals;
using DraftingRoom.Web.Api;
using DraftingRoom.Web.Versions;
using DraftingRoom.Web.Components;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Observability;
using DraftingRoom.Web.Seeding;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace DraftingRoom.Web.Hosting;

public static class ServiceRegistration
{
    /// <summary>The cultures DraftingRoom is prepared for: the six official languages of the United Nations.</summary>
    public static readonly string[] SupportedCultures = ["en", "fr", "es", "ar", "zh", "ru"];

    public static void AddDraftingRoom(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString(DatabaseStartup.ConnectionStringName)!;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton(TimeProvider.System);

        builder.AddDraftingRoomObservability();
        // One pool for everything the app asks of PostgreSQL (EF Core and the co-editing log). Two pools of Npgsql's
        // default 100 could together open more connections than a default PostgreSQL accepts, as 500 people in one
        // proposal showed ("too many clients already").
        var dataSource = Npgsql.NpgsqlDataSource.Create(DatabasePool.WithDefaultSize(connectionString));
        services.AddSingleton(_ => dataSource);
        services.AddDbContextFactory<DraftingRoomDbContext>((provider, options) => options.UseNpgsql(dataSource)
            .AddInterceptors(provider.GetRequiredService<AuditMetricsInterceptor>()));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "DraftingRoom.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Programs (the hub's clients, the API) get a status code, not a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                // Length protects better than composition rules, which push people to predictable passwords.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedSignIns", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(
                    builder.Configuration.GetValue("Accounts:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DraftingRoomDbContext>()
            .AddClaimsPrincipalFactory<DraftingRoomClaimsPrincipalFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthorization();

        services.Configure<DraftingOptions>(builder.Configuration.GetSection(DraftingOptions.Section));
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.AddSingleton<LiveNotifier>();
        services.Configure<CollaborationOptions>(builder.Configuration.GetSection(CollaborationOptions.Section));
        var severalNodes = ScaleOut.IsConfigured(builder.Configuration);
        services.PostConfigure<CollaborationOptions>(options => options.TakeTurnsAcrossNodes ??= severalNodes);
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<CommitBroadcaster>();
        services.AddSingleton<DocumentRegistry>();
        services.AddSingleton<PresenceRegistry>();
        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<ProposalService>();
        services.AddSingleton<ProposalTexts>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<Decisions.DecisionService>();
        services.AddSingleton<Consultation.RoundService>();
        services.AddSingleton<Comments.CommentService>();
        services.Configure<Comments.CommentOptions>(builder.Configuration.GetSection(Comments.CommentOptions.Section));
        services.AddSingleton<Notifications.NotificationService>();
        services.AddSingleton<Versions.VersionService>();
        services.AddSingleton<Versions.CompilationService>();
        services.AddSingleton<DeclarationService>();
        services.AddSingleton<ImportService>();
        services.AddScoped<AdministrationService>();
        services.AddSingleton<Auditing.AuditService>();
        services.AddScoped<Seeder>();
        services.AddScoped<SampleConsultation>();

        services.AddProblemDetails();
        services.AddExceptionHandler<Api.ErrorResponses>();
        services.AddOpenApi();

        services.AddSingleton<DatabaseReadiness>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);

        services.AddSignalR().AddHubOptions<DraftingHub>(options =>
        {
            options.AddFilter<HubErrorFilter>();
            // Larger than the 64 KB an operation may have, so that a too-large change gets a clear refusal from the
            // hub instead of a closed connection.
            options.MaximumReceiveMessageSize = 256 * 1024;
        });
        // Several nodes: the Redis backplane and live notifications across nodes, when Redis is configured.
        builder.AddDraftingRoomScaleOut();
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            // A bare status code for programs, not the "page not found" page meant for people.
            if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
        }
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static void UseDraftingRoom(this WebApplication app)
    {
        // Refusals from services become problem responses; other errors go to the error page outside Development.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = app.Environment.IsDevelopment() ? null : "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseRequestLocalization(options =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapDraftingRoomHealth();
        app.MapDraftingRoomMetrics();
        app.MapAccountEndpoints();
        app.MapHub<DraftingHub>(DraftingHub.Path);
        app.MapOpenApi().RequireAuthorization();
        app.MapApiEndpoints();
        app.MapExportEndpoints();
        app.MapCompilationEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
