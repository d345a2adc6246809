using System.Net.Sockets;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Boundary;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace CultureHealth.Hardening.Tests;

/// <summary>The rules the boundary applies, one by one (no server needed).</summary>
public sealed class BoundaryRulesTests
{
    [Theory]
    [InlineData("plain text", TextKind.SingleLine)]
    [InlineData("café 😀 ünïcode", TextKind.SingleLine)]
    [InlineData("tab\tin a header", TextKind.HeaderValue)]
    [InlineData("two\r\nlines\tand a tab", TextKind.MultiLine)]
    [InlineData("", TextKind.SingleLine)]
    public void Text_we_accept(string text, TextKind kind) => Assert.Null(TextRules.Check(text, kind, 100));

    [Theory]
    [InlineData("a\0b", TextKind.MultiLine, "U+0000")]
    [InlineData("a\u0001b", TextKind.MultiLine, "U+0001")]
    [InlineData("a\u007Fb", TextKind.MultiLine, "U+007F")]
    [InlineData("a\u0085b", TextKind.MultiLine, "U+0085")]
    [InlineData("a\u009Fb", TextKind.MultiLine, "U+009F")]
    [InlineData("line\nbreak", TextKind.SingleLine, "single line")]
    [InlineData("tab\there", TextKind.SingleLine, "single line")]
    [InlineData("cr\rhere", TextKind.HeaderValue, "single line")]
    public void Text_we_refuse_says_why(string text, TextKind kind, string reason) =>
        Assert.Contains(reason, TextRules.Check(text, kind, 100), StringComparison.Ordinal);

    [Fact]
    public void An_unpaired_surrogate_is_refused()
    {
        // Not theory data: xUnit passes theory strings through UTF-8, which turns a lone surrogate into U+FFFD.
        foreach (var text in new[] { "\ud800", "a\udc00b", "\udc00\ud800", "ends high \ud83d" })
        {
            Assert.Contains(text, char.IsSurrogate);
            Assert.Contains("surrogate", TextRules.Check(text, TextKind.MultiLine, 100), StringComparison.Ordinal);
        }
        Assert.Null(TextRules.Check("a pair \ud83d\ude00 is fine", TextKind.MultiLine, 100));
    }

    [Fact]
    public void Length_counts_against_the_limit() =>
        Assert.Equal("At most 5 characters.", TextRules.Check("123456", TextKind.SingleLine, 5));

    [Theory]
    [InlineData("plain", true, "plain")]
    [InlineData("a+b", true, "a b")]
    [InlineData("a+b", false, "a+b")]
    [InlineData("caf%C3%A9", true, "café")]
    [InlineData("%F0%9F%98%80", true, "😀")]
    [InlineData("%25zz", true, "%zz")]
    public void Strict_percent_decoding_decodes_valid_text(string raw, bool plusIsSpace, string expected)
    {
        Assert.True(PercentDecoding.TryDecode(raw, plusIsSpace, out var decoded, out var error), error);
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("a%zzb", "percent-encoding")]
    [InlineData("a%", "percent-encoding")]
    [InlineData("a%4", "percent-encoding")]
    [InlineData("a%FFb", "UTF-8")]
    [InlineData("%C0%80", "UTF-8")]
    [InlineData("%ED%A0%80", "UTF-8")]
    [InlineData("%C3", "UTF-8")]
    public void Strict_percent_decoding_refuses_what_lenient_decoding_would_mangle(string raw, string reason)
    {
        Assert.False(PercentDecoding.TryDecode(raw, plusIsSpace: true, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Failed to bind parameter \"int page\" from \"abc\".", "page")]
    [InlineData("Failed to bind parameter \"Nullable<Guid> appointmentTypeId\" from \"x\".", "appointmentTypeId")]
    [InlineData("Required parameter \"Guid id\" was not provided from route.", "id")]
    [InlineData("Failed to bind parameter \"Dictionary<string, int> map\" from \"y\".", "map")]
    [InlineData("Implicit body inferred for parameter \"ProductInput body\" but no body was provided. Did you mean to use a Service instead?", "body")]
    [InlineData("Unexpected end of request content.", null)]
    public void A_binding_failure_names_its_parameter(string message, string? field) =>
        Assert.Equal(field, BindingFailures.FieldOf(new BadHttpRequestException(message)));

    [Fact]
    public void Database_unavailable_means_the_server_is_away_not_that_a_rule_said_no()
    {
        Assert.True(DatabaseAvailability.IsUnavailable(new NpgsqlException("connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseAvailability.IsUnavailable(new NpgsqlException("timeout", new TimeoutException())));
        Assert.True(DatabaseAvailability.IsUnavailable(new InvalidOperationException("wrapped", new NpgsqlException("io", new IOException()))));
        Assert.True(DatabaseAvailability.IsUnavailable(new PostgresException("shutting down", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.True(DatabaseAvailability.IsUnavailable(new PostgresException("too many", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections)));

        Assert.False(DatabaseAvailability.IsUnavailable(new PostgresException("dup", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(DatabaseAvailability.IsUnavailable(new PostgresException("nul", "ERROR", "ERROR", PostgresErrorCodes.CharacterNotInRepertoire)));
        Assert.False(DatabaseAvailability.IsUnavailable(new PostgresException("deadlock", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)));
        Assert.False(DatabaseAvailability.IsUnavailable(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void The_service_connection_string_gets_short_timeouts_unless_it_sets_its_own()
    {
        var defaults = new NpgsqlConnectionStringBuilder(DatabaseAvailability.WithTimeouts("Host=db;Database=shop"));
        Assert.Equal(DatabaseAvailability.ConnectTimeoutSeconds, defaults.Timeout);
        Assert.Equal(DatabaseAvailability.CommandTimeoutSeconds, defaults.CommandTimeout);

        var own = new NpgsqlConnectionStringBuilder(DatabaseAvailability.WithTimeouts("Host=db;Database=shop;Timeout=2;Command Timeout=60"));
        Assert.Equal(2, own.Timeout);
        Assert.Equal(60, own.CommandTimeout);
    }
}
