using DraftingRoom.Web.Hosting;

SharedBufferPool.Configure();
if (args.Contains("--health-probe")) return await HealthProbe.RunAsync();

try
{
    var app = await DraftingRoomApp.BuildAsync(new WebApplicationOptions { Args = args });
    await app.RunAsync();
    return 0;
}
catch (PostgresNotFoundException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
