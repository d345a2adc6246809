using CultureHealth.Patients;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPatients();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPatientsApi();
app.Run();
