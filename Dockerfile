# DraftingRoom in a container: the browser editor is bundled with Node.js, the app published with the .NET SDK,
# and the result runs on the ASP.NET runtime image as a non-root user.

FROM node:20-bookworm-slim AS editor
WORKDIR /src/DraftingRoom.Web/ClientApp
COPY src/DraftingRoom.Web/ClientApp/package.json src/DraftingRoom.Web/ClientApp/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/DraftingRoom.Web/ClientApp/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/DraftingRoom.Core/DraftingRoom.Core.csproj src/DraftingRoom.Core/
COPY src/DraftingRoom.Web/DraftingRoom.Web.csproj src/DraftingRoom.Web/ClientApp.targets src/DraftingRoom.Web/
RUN dotnet restore src/DraftingRoom.Web/DraftingRoom.Web.csproj
COPY src/ src/
COPY --from=editor /src/DraftingRoom.Web/wwwroot/dist/ src/DraftingRoom.Web/wwwroot/dist/
RUN dotnet publish src/DraftingRoom.Web/DraftingRoom.Web.csproj -c Release -o /app --no-restore -p:SkipClientBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER app
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
    CMD ["dotnet", "DraftingRoom.Web.dll", "--health-probe"]
ENTRYPOINT ["dotnet", "DraftingRoom.Web.dll"]
