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
    [InlineData("slo:sli_error:ratio_rate1h{slo=\"booking-availability\"} > (14.4 * 0.0005) and slo:sli_error:ratio_rate5m{slo=\"x\"} > 1e-3",
        "slo:sli_error:ratio_rate1h slo:sli_error:ratio_rate5m")]
    [InlineData("count(ALERTS{slo=\"x\", alertstate=\"firing\"}) or vector(0)", "ALERTS")]
    public void Finds_the_metric_names_and_nothing_else(string expression, string expected)
    {
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), PromQl.MetricNames(expression).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reads_label_matchers_with_their_operators_and_escapes()
    {
        var selector = Assert.Single(PromQl.Selectors(
            "sum(rate(m_total{job=\"storefront\", http_route!~\"/health.*|.*\\\\.[a-z]+\", code=~'5..', route=\"/api/booking/bookings/{**rest}\"}[5m]))"));
        Assert.Equal("m_total", selector.Name);
        Assert.Equal(
            [new LabelMatcher("job", "=", "storefront"), new LabelMatcher("http_route", "!~", "/health.*|.*\\.[a-z]+"),
             new LabelMatcher("code", "=~", "5.."), new LabelMatcher("route", "=", "/api/booking/bookings/{**rest}")],
            selector.Matchers);
    }

    [Theory]
    [InlineData("job", "=", "gateway", "gateway", true)]
    [InlineData("job", "!=", "gateway", "gateway", false)]
    [InlineData("code", "=~", "5..", "503", true)]
    [InlineData("code", "=~", "5..", "1503", false)] // anchored, as in Prometheus
    [InlineData("code", "!~", "5..", "201", true)]
    [InlineData("missing", "=", "", null, true)] // an absent label is the empty string
    [InlineData("route", "!~", ".*\\.[a-z]+", "css/site.css", false)]
    [InlineData("job", "=~", "$service", "anything", true)] // a Grafana variable
    public void Matches_like_Prometheus(string label, string op, string value, string? actual, bool expected)
    {
        var labels = actual is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [label] = actual };
        Assert.Equal(expected, new LabelMatcher(label, op, value).Matches(labels));
    }

    [Fact]
    public void Reads_series_and_labels_from_the_exposition_format()
    {
        const string text = """
            # TYPE culturehealth_bookings_confirmed_total counter
            culturehealth_bookings_confirmed_total{otel_scope_name="CultureHealth.Booking",note="a \"quoted\" \\ value"} 3 1700000000000
            http_server_request_duration_seconds_bucket{le="0.005"} 1
            http_server_request_duration_seconds_count 1
            """;
        var series = PrometheusText.Series(text);
        Assert.Equal(
            ["culturehealth_bookings_confirmed_total", "http_server_request_duration_seconds_bucket", "http_server_request_duration_seconds_count"],
            series.Select(s => s.Name));
        Assert.Equal("a \"quoted\" \\ value", series[0].Labels["note"]);
        Assert.Equal("CultureHealth.Booking", series[0].Labels["otel_scope_name"]);
        Assert.Equal("0.005", series[1].Labels["le"]);
        Assert.Empty(series[2].Labels);
    }
}

/// <summary>How a selector is resolved against exported series, recording rules and what Prometheus makes itself.</summary>
public sealed class SeriesCatalogTests
{
    private static readonly SeriesCatalog Catalog = new(
        [new ExportedSeries("req_total", new Dictionary<string, string> { ["job"] = "gateway", ["code"] = "201" })],
        [
            new PrometheusRule("r", "slo:sli_error:ratio_rate5m", null, "1 - req_total", new Dictionary<string, string> { ["slo"] = "booking" }),
            new PrometheusRule("a", null, "BookingFastBurn", "slo:sli_error:ratio_rate5m > 1", new Dictionary<string, string> { ["slo"] = "booking", ["severity"] = "page" }),
        ],
        new HashSet<string> { "gateway", "storefront" },
        new HashSet<string> { "gateway" });

    [Theory]
    [InlineData("req_total{job=\"gateway\", code=\"201\"}", SeriesVerdict.Found)]
    [InlineData("req_total{job=\"gateway\", code=\"500\"}", SeriesVerdict.Missing)] // the name exists, the label value does not
    [InlineData("req_total{job=\"gateway\", code!~\"5..\"}", SeriesVerdict.Found)]
    [InlineData("req_total{job=\"storefront\"}", SeriesVerdict.Pending)] // a job the stack does not host
    [InlineData("nothing_total{job=\"gateway\"}", SeriesVerdict.Missing)]
    [InlineData("slo:sli_error:ratio_rate5m{slo=\"booking\"}", SeriesVerdict.Found)]
    [InlineData("slo:sli_error:ratio_rate5m{slo=\"checkout\"}", SeriesVerdict.Missing)] // no rule records that SLO
    [InlineData("slo:sli_error:ratio_rate5m{job=\"gateway\"}", SeriesVerdict.Missing)] // the rule does not set job
    [InlineData("ALERTS{slo=\"booking\", alertstate=\"firing\"}", SeriesVerdict.Found)]
    [InlineData("ALERTS{alertname=\"CheckoutFastBurn\"}", SeriesVerdict.Missing)]
    [InlineData("up{job!=\"rabbitmq\"}", SeriesVerdict.Found)]
    [InlineData("up{job=\"rabbitmq\"}", SeriesVerdict.Missing)] // not scraped by these configs
    public void Resolves_each_kind_of_series(string selector, SeriesVerdict expected)
    {
        Assert.Equal(expected, Catalog.Resolve(Assert.Single(PromQl.Selectors(selector))).Verdict);
    }

    [Theory]
    [InlineData("req_total{job=\"gateway\"}", "code", true)]
    [InlineData("req_total{job=\"gateway\"}", "route", false)]
    [InlineData("slo:sli_error:ratio_rate5m", "slo", true)]
    [InlineData("slo:sli_error:ratio_rate5m", "job", false)]
    [InlineData("ALERTS", "severity", true)]
    [InlineData("up", "job", true)]
    public void Knows_which_labels_a_series_carries_to_group_by(string selector, string label, bool expected)
    {
        Assert.Equal(expected, Catalog.CarriesLabel(Assert.Single(PromQl.Selectors(selector)), label));
    }
}

public sealed class GroupingLabelTests
{
    [Theory]
    [InlineData("sum by (job, le) (rate(x[5m])) / on (job) group_left sum(y)", "job le")]
    [InlineData("sum by(culturehealth_email_kind)(rate(x[5m]))", "culturehealth_email_kind")]
    [InlineData("sum(rate(x[5m])) by (http_route)", "http_route")]
    [InlineData("x / ignoring (instance) y", "")]
    public void Reads_the_labels_of_by_clauses_only(string expression, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal),
            PromQl.GroupingLabels(expression).Order(StringComparer.Ordinal));
    }
}
