global using System.Globalization;
global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
