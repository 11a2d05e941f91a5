/**
 * Amounts as people read them: the spreadsheet's locale (Sheets names it `de_DE`) and the
 * Currency setting. One formatter for every amount the add-on shows as text (sidebar, emails),
 * and the matching Sheets number format for money columns. JPY has no decimals, and so on: the
 * currency's own digits come from Intl.
 */
export interface MoneyStyle {
  /** ISO 4217 code from Settings, e.g. EUR. */
  currency: string;
  /** The spreadsheet's locale as Sheets gives it (en_US, de_DE, pt_BR). */
  locale: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A formatter for the style; an unknown currency or locale falls back to USD / en-US. */
function formatterOf(style: MoneyStyle): Intl.NumberFormat {
  const key = `${style.currency}|${style.locale}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const tag = style.locale.replace(/_/g, "-");
    try {
      formatter = new Intl.NumberFormat(tag, { style: "currency", currency: style.currency });
    } catch {
      try {
        formatter = new Intl.NumberFormat(tag, { style: "currency", currency: "USD" });
      } catch {
        formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
      }
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `1.234,50 €` (EUR, de_DE), `R$ 1.234,50` (BRL, pt_BR), `¥1,235` (JPY, en_US). */
export function formatMoney(amount: number, style: MoneyStyle): string {
  // Intl separates with a no-break space (U+00A0 or U+202F); a plain space reads the same everywhere.
  return formatterOf(style)
    .format(amount)
    .replace(/[\u00a0\u202f]/g, " ");
}

/**
 * The Sheets number format showing the currency's symbol where the locale puts it, with the
 * currency's digits: `$#,##0.00`, `#,##0.00 €`, `"R$" #,##0.00`, `¥#,##0`. Sheets itself swaps
 * `,` and `.` for the spreadsheet's locale when it shows the cell.
 */
export function moneyNumberFormat(style: MoneyStyle): string {
  const formatter = formatterOf(style);
  const parts = formatter.formatToParts(1234.5);
  const symbol = parts.find((part) => part.type === "currency")?.value ?? style.currency;
  const at = parts.findIndex((part) => part.type === "currency");
  const before = at < parts.findIndex((part) => part.type === "integer");
  // A space between symbol and number in the locale's own text (R$ 1.234,50, 1.234,50 €).
  const gap = parts[before ? at + 1 : at - 1]?.type === "literal" ? " " : "";
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const number = digits > 0 ? `#,##0.${"0".repeat(digits)}` : "#,##0";
  // One symbol character other than a letter stands as it is; anything else is quoted literal text.
  const literal = /^[^\p{L}\d\s"]$/u.test(symbol) ? symbol : `"${symbol}"`;
  return before ? `${literal}${gap}${number}` : `${number}${gap}${literal}`;
}
