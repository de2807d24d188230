var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
