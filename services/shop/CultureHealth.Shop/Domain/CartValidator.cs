namespace CultureHealth.Shop.Domain;

/// <summary>Checks a basket against <see cref="CartLimits"/>, reporting every problem with the field at fault.</summary>
public static class CartValidator
{
    public static List<FieldError> Validate(IReadOnlyList<CartLine> lines, CartLimits limits)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(limits);

        var errors = new List<FieldError>();
        if (lines.Count == 0)
        {
            errors.Add(new FieldError("lines", "The basket is empty."));
        }

        if (lines.Count > limits.MaxLines)
        {
            errors.Add(new FieldError("lines", $"A basket can hold at most {limits.MaxLines} different items."));
        }

        var seenSkus = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = $"lines[{i}]";
            if (line is null)
            {
                errors.Add(new FieldError(field, "A basket line is missing."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                errors.Add(new FieldError($"{field}.sku", "A SKU is required."));
            }
            else if (!seenSkus.Add(line.Sku.Trim()))
            {
                // One line per product, otherwise the per-line quantity limit could be dodged by repeating a line.
                errors.Add(new FieldError($"{field}.sku", $"{line.Sku} appears more than once; combine the quantities."));
            }

            if (string.IsNullOrWhiteSpace(line.Name))
            {
                errors.Add(new FieldError($"{field}.name", "A name is required."));
            }

            if (!Enum.IsDefined(line.Kind))
            {
                errors.Add(new FieldError($"{field}.kind", $"Unknown product kind {line.Kind}."));
            }

            if (!Enum.IsDefined(line.VatClass))
            {
                errors.Add(new FieldError($"{field}.vatClass", $"Unknown VAT class {line.VatClass}."));
            }
            else if (line.Kind == ProductKind.GiftVoucher && Vat.RateBasisPoints(line.VatClass) != 0)
            {
                // Charging VAT on the voucher and again on what it buys would tax the same sale twice.
                errors.Add(new FieldError(
                    $"{field}.vatClass", "Gift vouchers carry no VAT when sold; VAT is charged when they are spent."));
            }

            if (line.UnitPricePence < 0 || line.UnitPricePence > limits.MaxUnitPricePence)
            {
                errors.Add(new FieldError(
                    $"{field}.unitPricePence", $"The unit price must be between 0 and {limits.MaxUnitPricePence} pence."));
            }

            if (line.Quantity < limits.MinQuantityPerLine || line.Quantity > limits.MaxQuantityPerLine)
            {
                errors.Add(new FieldError(
                    $"{field}.quantity",
                    $"The quantity must be between {limits.MinQuantityPerLine} and {limits.MaxQuantityPerLine}."));
            }
        }

        return errors;
    }
}
