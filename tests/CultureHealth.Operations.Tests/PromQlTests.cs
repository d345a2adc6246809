namespace CultureHealth.Operations.Tests;

public sealed class PromQlTests
{
    [Theory]
    [InlineData("sum by (job) (rate(http_server_request_duration_seconds_count{job=~\"$service\", http_response_status_code=~\"5..\"}[$__rate_interval]))",
        "http_server_request_duration_seconds_count")]
    [InlineData("histogram_quantile(0.95, sum by (le, job) (rate(http_server_request_duration_seconds_bucket[5m]))) > 1",
        "http_server_request_duration_seconds_bucket")]
    [InlineData("max by (service) (culturehealth_outbox_oldest_unsent_age_seconds) > 300 and on (job) up == 1",
        "culturehealth_outbox_oldest_unsent_age_seconds up")]
    [InlineData("sum(increase(culturehealth_orders_paid_total[1d])) / clamp_min(sum(increase(culturehealth_orders_placed_total[1d])), 1)",
        "culturehealth_orders_paid_total culturehealth_orders_placed_total")]
    [InlineData("label_replace(a_metric, \"dst\", \"$1\", \"src\", \"(.*)\") unless ignoring(x) b_metric offset 5m",
        "a_metric b_metric")]
    public void Finds_the_metric_names_and_nothing_else(string expression, string expected)
    {
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), PromQl.MetricNames(expression).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reads_series_names_from_the_exposition_format()
    {
        const string text = """
            # TYPE culturehealth_bookings_confirmed_total counter
            culturehealth_bookings_confirmed_total{otel_scope_name="CultureHealth.Booking"} 3 1700000000000
            http_server_request_duration_seconds_bucket{le="0.005"} 1
            http_server_request_duration_seconds_count 1
            """;
        Assert.Equal(
            ["culturehealth_bookings_confirmed_total", "http_server_request_duration_seconds_bucket", "http_server_request_duration_seconds_count"],
            PrometheusText.SeriesNames(text).Order(StringComparer.Ordinal));
    }
}
