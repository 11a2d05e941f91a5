/**
 * Which cells of the money columns take the Currency format. The add-on's own money columns
 * always do; the team's only where a cell has no number format of its own (General) or still
 * has a format the add-on applied: a team's chosen format is never overwritten.
 */
import { type MoneyStyle, moneyNumberFormat } from "../domain/money";
import { headerKey, type TabSchema } from "./schema";

export interface MoneyColumn {
  /** 1-based position in the header row. */
  column: number;
  header: string;
  owned: boolean;
}

/** The schema's money (currency) columns found in a header row, first match of each header. */
export function moneyColumns(schema: TabSchema, header: readonly unknown[]): MoneyColumn[] {
  const keys = header.map(headerKey);
  return schema.columns
    .filter((column) => column.kind === "currency")
    .flatMap((column) => {
      const at = keys.indexOf(headerKey(column.header));
      return at < 0 ? [] : [{ column: at + 1, header: column.header, owned: column.owned }];
    });
}

/** Sheets' General format as getNumberFormat reads it back, or no format at all. */
export function isGeneralFormat(format: string): boolean {
  return format === "" || format === "General" || format === "0.###############";
}

/** Formats the add-on may replace: General, and what it applied for the previous style (or setup's en_US one). */
export function replaceableFormats(
  previous: MoneyStyle | null,
  current: MoneyStyle,
): (format: string) => boolean {
  const ours = new Set(
    [previous, { currency: current.currency, locale: "en_US" }, previous && { ...previous, locale: "en_US" }]
      .filter((style): style is MoneyStyle => style !== null)
      .map(moneyNumberFormat),
  );
  return (format) => isGeneralFormat(format) || ours.has(format);
}

/** The team column's formats with the new money format where allowed; null when nothing changes. */
export function teamColumnFormats(
  formats: readonly (readonly string[])[],
  wanted: string,
  replaceable: (format: string) => boolean,
): string[][] | null {
  let changed = false;
  const next = formats.map((row) =>
    row.map((format) => {
      if (format === wanted || !replaceable(format)) return format;
      changed = true;
      return wanted;
    }),
  );
  return changed ? next : null;
}

/** What the run remembers (a document property) to know the formats are current: `EUR de_DE`. */
export function moneyStyleKey(style: MoneyStyle): string {
  return `${style.currency} ${style.locale}`;
}

export function parseMoneyStyleKey(text: string | null): MoneyStyle | null {
  const [currency, locale] = (text ?? "").split(" ");
  return currency && locale ? { currency, locale } : null;
}
