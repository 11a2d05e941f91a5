/**
 * Apps Script enums are singleton objects, not strings: `x === ScriptApp.EventType.CLOCK` holds,
 * `x === "CLOCK"` does not, and `String(x)` gives the name. These mirror that.
 */
export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
}

export type EnumOf<K extends string> = { readonly [P in K]: EnumValue };

export function makeEnum<K extends string>(names: readonly K[]): EnumOf<K> {
  const result: Record<string, EnumValue> = {};
  for (const key of names) {
    result[key] = Object.freeze({ name: () => key, toString: () => key, toJSON: () => key });
  }
  return Object.freeze(result) as EnumOf<K>;
}

/** The enum value with this name, for restoring saved state. */
export function enumByName<K extends string>(values: EnumOf<K>, name: string): EnumValue {
  const found = (values as Record<string, EnumValue | undefined>)[name];
  if (!found) throw new Error(`Unknown enum value ${name}`);
  return found;
}

export const DataValidationCriteria = makeEnum([
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);

export const BooleanCriteria = makeEnum([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_NOT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);

export const WrapStrategy = makeEnum(["WRAP", "OVERFLOW", "CLIP"]);
export const AuthMode = makeEnum(["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"]);
export const AuthorizationStatus = makeEnum(["REQUIRED", "NOT_REQUIRED"]);
export const EventType = makeEnum(["CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE"]);
export const TriggerSource = makeEnum(["SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"]);
export const Button = makeEnum(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = makeEnum(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);
export const SandboxMode = makeEnum(["EMULATED", "IFRAME", "NATIVE"]);
export const XFrameOptionsMode = makeEnum(["ALLOWALL", "DEFAULT"]);
export const WeekDay = makeEnum([
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
]);
