/** Data validation and conditional-format rules, with their builders. Rules are immutable. */
import { CLASS_NAME } from "./call-log";
import { BooleanCriteria, DataValidationCriteria, type EnumValue } from "./enums";
import { fail } from "./errors";
import type { Range } from "./range";
import { copyValue } from "./values";

export interface ValidationSpec {
  criteria: EnumValue;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

function copyCriteriaValues(values: unknown[]): unknown[] {
  return values.map((value) => (Array.isArray(value) ? [...value] : copyValue(value)));
}

export class DataValidation {
  readonly [CLASS_NAME] = "DataValidation";
  constructor(readonly spec: ValidationSpec) {}

  getCriteriaType(): EnumValue {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return copyCriteriaValues(this.spec.values);
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ...this.spec, values: copyCriteriaValues(this.spec.values) });
  }
}

export class DataValidationBuilder {
  readonly [CLASS_NAME] = "DataValidationBuilder";
  private spec: ValidationSpec;
  private hasCriteria: boolean;

  constructor(spec?: ValidationSpec) {
    this.spec = spec ?? {
      criteria: DataValidationCriteria.DATE_IS_VALID_DATE,
      values: [],
      allowInvalid: true,
      helpText: null,
    };
    this.hasCriteria = spec !== undefined;
  }

  private require(criteria: EnumValue, values: unknown[]): this {
    this.spec = { ...this.spec, criteria, values: copyCriteriaValues(values) };
    this.hasCriteria = true;
    return this;
  }

  build(): DataValidation {
    if (!this.hasCriteria) fail("You must specify the criteria for the data validation rule.");
    return new DataValidation({ ...this.spec, values: copyCriteriaValues(this.spec.values) });
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ...this.spec, values: copyCriteriaValues(this.spec.values) });
  }
  getCriteriaType(): EnumValue {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return copyCriteriaValues(this.spec.values);
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.spec = { ...this.spec, allowInvalid };
    return this;
  }
  setHelpText(helpText: string): this {
    this.spec = { ...this.spec, helpText };
    return this;
  }
  withCriteria(criteria: EnumValue, args: unknown[]): this {
    return this.require(criteria, args);
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.require(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }
  requireValueInRange(range: Range, showDropdown = true): this {
    return this.require(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.require(DataValidationCriteria.CHECKBOX, values);
  }
  requireDate(): this {
    return this.require(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }
  requireDateAfter(date: Date): this {
    return this.require(DataValidationCriteria.DATE_AFTER, [date]);
  }
  requireDateBefore(date: Date): this {
    return this.require(DataValidationCriteria.DATE_BEFORE, [date]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.require(DataValidationCriteria.DATE_ON_OR_AFTER, [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.require(DataValidationCriteria.DATE_ON_OR_BEFORE, [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.require(DataValidationCriteria.DATE_BETWEEN, [start, end]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.require(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.require(DataValidationCriteria.NUMBER_NOT_BETWEEN, [start, end]);
  }
  requireNumberEqualTo(number: number): this {
    return this.require(DataValidationCriteria.NUMBER_EQUAL_TO, [number]);
  }
  requireNumberGreaterThan(number: number): this {
    return this.require(DataValidationCriteria.NUMBER_GREATER_THAN, [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.require(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }
  requireNumberLessThan(number: number): this {
    return this.require(DataValidationCriteria.NUMBER_LESS_THAN, [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    return this.require(DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }
  requireTextContains(text: string): this {
    return this.require(DataValidationCriteria.TEXT_CONTAINS, [text]);
  }
  requireTextEqualTo(text: string): this {
    return this.require(DataValidationCriteria.TEXT_EQUAL_TO, [text]);
  }
  requireTextIsEmail(): this {
    return this.require(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }
  requireTextIsUrl(): this {
    return this.require(DataValidationCriteria.TEXT_IS_VALID_URL, []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.require(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }
}

/** What a conditional-format rule looks for and what it paints. */
export interface ConditionSpec {
  criteria: EnumValue;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

function colorObject(hex: string | null) {
  if (hex === null) return null;
  return {
    getColorType: () => "RGB",
    asRgbColor: () => ({ asHexString: () => hex }),
  };
}

export class BooleanCondition {
  readonly [CLASS_NAME] = "BooleanCondition";
  constructor(private readonly spec: ConditionSpec) {}
  getCriteriaType(): EnumValue {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return copyCriteriaValues(this.spec.values);
  }
  getBackground(): string | null {
    return this.spec.background;
  }
  getBackgroundObject() {
    return colorObject(this.spec.background);
  }
  getFontColor(): string | null {
    return this.spec.fontColor;
  }
  getFontColorObject() {
    return colorObject(this.spec.fontColor);
  }
  getBold(): boolean | null {
    return this.spec.bold;
  }
  getItalic(): boolean | null {
    return this.spec.italic;
  }
  getStrikethrough(): boolean | null {
    return this.spec.strikethrough;
  }
  getUnderline(): boolean | null {
    return this.spec.underline;
  }
}

export class ConditionalFormatRule {
  readonly [CLASS_NAME] = "ConditionalFormatRule";
  constructor(
    readonly condition: ConditionSpec,
    readonly ranges: readonly Range[],
  ) {}
  getRanges(): Range[] {
    return [...this.ranges];
  }
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.condition);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder({ ...this.condition }, [...this.ranges]);
  }
}

const EMPTY_CONDITION: ConditionSpec = {
  criteria: BooleanCriteria.CELL_NOT_EMPTY,
  values: [],
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
};

export class ConditionalFormatRuleBuilder {
  readonly [CLASS_NAME] = "ConditionalFormatRuleBuilder";
  private condition: ConditionSpec;
  private hasCriteria: boolean;
  private ranges: Range[];

  constructor(condition?: ConditionSpec, ranges: Range[] = []) {
    this.condition = condition ?? { ...EMPTY_CONDITION };
    this.hasCriteria = condition !== undefined;
    this.ranges = ranges;
  }

  private when(criteria: EnumValue, values: unknown[]): this {
    this.condition = { ...this.condition, criteria, values: copyCriteriaValues(values) };
    this.hasCriteria = true;
    return this;
  }

  build(): ConditionalFormatRule {
    if (!this.hasCriteria) fail("Conditional format rule must have a condition.");
    return new ConditionalFormatRule({ ...this.condition }, [...this.ranges]);
  }
  copy(): ConditionalFormatRuleBuilder {
    const builder = new ConditionalFormatRuleBuilder({ ...this.condition }, [...this.ranges]);
    builder.hasCriteria = this.hasCriteria;
    return builder;
  }
  getRanges(): Range[] {
    return [...this.ranges];
  }
  getBooleanCondition(): BooleanCondition | null {
    return this.hasCriteria ? new BooleanCondition(this.condition) : null;
  }
  setRanges(ranges: Range[]): this {
    this.ranges = [...ranges];
    return this;
  }
  setBackground(color: string | null): this {
    this.condition = { ...this.condition, background: color ? color.toLowerCase() : null };
    return this;
  }
  setFontColor(color: string | null): this {
    this.condition = { ...this.condition, fontColor: color ? color.toLowerCase() : null };
    return this;
  }
  setBold(bold: boolean | null): this {
    this.condition = { ...this.condition, bold };
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.condition = { ...this.condition, italic };
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): this {
    this.condition = { ...this.condition, strikethrough };
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this.condition = { ...this.condition, underline };
    return this;
  }
  withCriteria(criteria: EnumValue, args: unknown[]): this {
    return this.when(criteria, args);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  whenCellEmpty(): this {
    return this.when(BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty(): this {
    return this.when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  whenTextContains(text: string): this {
    return this.when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when(BooleanCriteria.TEXT_DOES_NOT_CONTAIN, [text]);
  }
  whenTextEqualTo(text: string): this {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }
  whenTextNotEqualTo(text: string): this {
    return this.when(BooleanCriteria.TEXT_NOT_EQUAL_TO, [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when(BooleanCriteria.TEXT_STARTS_WITH, [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when(BooleanCriteria.TEXT_ENDS_WITH, [text]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.when(BooleanCriteria.NUMBER_BETWEEN, [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.when(BooleanCriteria.NUMBER_NOT_BETWEEN, [start, end]);
  }
  whenNumberEqualTo(number: number): this {
    return this.when(BooleanCriteria.NUMBER_EQUAL_TO, [number]);
  }
  whenNumberNotEqualTo(number: number): this {
    return this.when(BooleanCriteria.NUMBER_NOT_EQUAL_TO, [number]);
  }
  whenNumberGreaterThan(number: number): this {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }
  whenNumberLessThan(number: number): this {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }
}
